using System.Globalization;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Time;
using OpenG2G.Datacenter.Options;

namespace OpenG2G.Datacenter.Replay;

public sealed partial class TraceReplayDatacenter
{
    /// <summary>
    /// Apply a command; effective from the next step. <see cref="SetBatchSize"/> needs a feasible
    /// batch size, <see cref="SetPowerCap"/> a training job with a measured power-cap response and a cap
    /// in its measured range, <see cref="AdjustReplicas"/> enough free servers (or active replicas).
    /// Throws <see cref="ArgumentException"/> naming what is allowed, <see cref="NotSupportedException"/>
    /// for other command types.
    /// </summary>
    public void Apply(DatacenterCommand command, SimTime now)
    {
        switch (command)
        {
            case SetBatchSize c:
                ApplyBatchSize(c);
                break;
            case SetPowerCap c:
                ApplyPowerCap(c);
                break;
            case AdjustReplicas c:
                ApplyAdjustReplicas(c);
                break;
            default:
                throw new NotSupportedException($"{nameof(TraceReplayDatacenter)} '{Name}' does not handle {command.GetType().Name} commands");
        }
    }

    private ModelRuntime ModelOf(string label, string commandName) =>
        _modelsByLabel.TryGetValue(label, out var m)
            ? m
            : throw new ArgumentException($"{commandName}: datacenter '{Name}' does not serve '{label}'; it serves {string.Join(", ", _models.Select(x => x.Label))}");

    private void ApplyBatchSize(SetBatchSize c)
    {
        var m = ModelOf(c.Model, nameof(SetBatchSize));
        int index = m.FeasibleBatchSizes.IndexOf(c.BatchSize);
        if (index < 0)
            throw new ArgumentException($"{nameof(SetBatchSize)}: {c.BatchSize} is not a feasible batch size of '{m.Label}' at '{Name}'; feasible: {string.Join(", ", m.FeasibleBatchSizes)}");
        if (index == m.BatchIndex)
            return;
        m.BatchIndex = index;
        m.RebuildSlots(_pool);
    }

    private void ApplyPowerCap(SetPowerCap c)
    {
        var job = _training.FirstOrDefault(t => string.Equals(t.Name, c.Workload, StringComparison.OrdinalIgnoreCase));
        if (job?.Response is null)
        {
            string cappable = CappableWorkloads.Count == 0 ? "none" : string.Join(", ", CappableWorkloads.Select(w => w.Workload));
            string why = _modelsByLabel.ContainsKey(c.Workload)
                ? $"'{c.Workload}' is an inference model, and no power-capped inference measurement exists in the trace library"
                : job is not null
                    ? $"training job '{job.Name}' has no measured power-cap response (set power_cap_response)"
                    : $"'{Name}' has no workload '{c.Workload}'";
            throw new ArgumentException($"{nameof(SetPowerCap)}: {why}; cappable workloads: {cappable}");
        }
        job.Response.Checked(c.PowerCapW);
        job.CapW = c.PowerCapW;
    }

    private void ApplyAdjustReplicas(AdjustReplicas c)
    {
        var m = ModelOf(c.Model, nameof(AdjustReplicas));
        int target = m.ActiveReplicas + c.DeltaReplicas;
        if (target < 0)
            throw new ArgumentException($"{nameof(AdjustReplicas)}: cannot remove {-c.DeltaReplicas} replicas of '{m.Label}' at '{Name}': only {m.ActiveReplicas} are active");
        int n = _options.GpusPerServer;
        int more = (target * m.GpusPerReplica + n - 1) / n - m.Servers.Count;
        if (more > _pool.FreeServers)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{nameof(AdjustReplicas)}: adding {c.DeltaReplicas} replicas of '{m.Label}' at '{Name}' needs {more} more servers of {n} GPUs, but only {_pool.FreeServers} are free"));
        }
        m.CommandDelta += c.DeltaReplicas;
        SetActiveReplicas(m, target);
    }

    /// <summary>Claim or release whole servers so <paramref name="model"/> has <paramref name="replicas"/> active replicas, filling servers in order.</summary>
    private void SetActiveReplicas(ModelRuntime model, int replicas)
    {
        if (replicas < 0)
            throw new InvalidOperationException($"'{model.Label}' at '{Name}': the replica schedule plus commands asks for {replicas} replicas");
        int n = _options.GpusPerServer;
        int gpus = replicas * model.GpusPerReplica;
        int needed = (gpus + n - 1) / n;
        while (model.Servers.Count < needed)
        {
            int s = _pool.Claim(model.Index);
            if (s < 0)
                throw new InvalidOperationException($"'{model.Label}' at '{Name}': {replicas} replicas need {needed} servers, but the site has no free server left (capacity {_options.CapacityGpus} GPUs)");
            model.Servers.Add(s);
        }
        if (_options.PoweredOnServers != PoweredOnServers.Allocated)
        {
            while (model.Servers.Count > needed)
            {
                int s = model.Servers[^1];
                model.Servers.RemoveAt(model.Servers.Count - 1);
                _pool.Release(s);
            }
        }
        int remaining = gpus;
        foreach (int s in model.Servers)
        {
            int active = Math.Min(n, remaining);
            remaining -= active;
            _pool.ActiveGpus[s] = active;
        }
        model.ActiveReplicas = replicas;
        model.RebuildSlots(_pool);
        _idleDirty = true;
    }
}
