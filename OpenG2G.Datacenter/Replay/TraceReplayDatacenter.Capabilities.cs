using OpenG2G.Core.States;

namespace OpenG2G.Datacenter.Replay;

public sealed partial class TraceReplayDatacenter
{
    public ThreePhase PhaseShare(string model)
    {
        if (!_modelsByLabel.TryGetValue(model, out var m))
            throw new ArgumentException($"datacenter '{Name}' does not serve '{model}'; it serves {string.Join(", ", _models.Select(x => x.Label))}");
        Span<double> gpus = stackalloc double[3];
        foreach (int s in m.Servers)
            gpus[_pool.Phase[s]] += _pool.ActiveGpus[s];
        double total = gpus[0] + gpus[1] + gpus[2];
        return total == 0 ? ThreePhase.Zero : new ThreePhase(gpus[0] / total, gpus[1] / total, gpus[2] / total);
    }

    public int FreeGpus => _options.CapacityGpus - TrainingGpus - _models.Sum(m => m.ActiveGpus);

    public int ActiveReplicas(string model) => _modelsByLabel.TryGetValue(model, out var m) ? m.ActiveReplicas : 0;

    public int GpusPerReplica(string model) => _modelsByLabel.TryGetValue(model, out var m) ? m.GpusPerReplica : 0;
}
