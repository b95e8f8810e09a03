using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Core.States;

namespace OpenG2G.Controllers.Batching;

/// <summary>
/// A datacenter as batch-size controllers see it: its models with their feasible sizes, a continuous
/// x = log2(batch) per model started from the batches in force at the first step, and the step's
/// commands for the models whose rounded x differs from the batch in force.
/// </summary>
internal sealed class BatchSite
{
    private readonly ModelStateLookup _lookup;

    /// <summary>Throws <see cref="ArgumentException"/> when the datacenter serves no model or a model's feasible sizes are unusable.</summary>
    public BatchSite(IBatchControllable datacenter)
    {
        Datacenter = datacenter;
        Models = datacenter.Models.ToArray();
        if (Models.Length == 0)
            throw new ArgumentException($"datacenter '{datacenter.Name}' serves no model whose batch size could be controlled");
        Batches = Models.Select(m => new FeasibleBatches(m.Model, m.FeasibleBatchSizes)).ToArray();
        _lookup = new ModelStateLookup(datacenter.Name, Models.Select(m => m.Model).ToArray());
        Log2Batch = new double[Models.Length];
        Reset();
    }

    public IBatchControllable Datacenter { get; }

    public string Name => Datacenter.Name;

    public ServedModelInfo[] Models { get; }

    public FeasibleBatches[] Batches { get; }

    /// <summary>The continuous log2(batch) per model (NaN before the first step).</summary>
    public double[] Log2Batch { get; }

    public bool IsStarted { get; private set; }

    public void Reset()
    {
        Array.Fill(Log2Batch, double.NaN);
        IsStarted = false;
    }

    /// <summary>The state of model <paramref name="index"/> in <paramref name="state"/>.</summary>
    public ModelState Observed(DatacenterState state, int index) => _lookup.Get(state, index);

    /// <summary>On the first call of a run, set x to the log2 of the batches in force (clipped into the feasible range).</summary>
    public void StartFrom(DatacenterState state)
    {
        if (IsStarted)
            return;
        for (int i = 0; i < Models.Length; i++)
            Log2Batch[i] = Batches[i].Clip(Math.Log2(Math.Max(1, _lookup.Get(state, i).BatchSize)));
        IsStarted = true;
    }

    /// <summary>Command model <paramref name="index"/> to the feasible batch nearest to 2^x unless that batch is already in force.</summary>
    public void CommandIfChanged(int index, ModelState observed, List<Command> commands)
    {
        int batch = Batches[index].Nearest(Log2Batch[index]);
        if (batch != observed.BatchSize)
            commands.Add(new SetBatchSize(Datacenter.Name, Models[index].Model, batch));
    }
}
