namespace OpenG2G.Controllers.Mpc;

/// <summary>
/// A solved horizon: log2(batch) per model and step and normalised cap per job and step (absolute,
/// not deviations), with the QP layout and raw solution it came from, for the next step's
/// linearisation point and warm start.
/// </summary>
internal sealed record MpcPlan(int Steps, double[] Log2Batch, double[] CapFraction, MpcLayout Layout, double[] Primal, double[] Dual)
{
    /// <summary>The plan for model <paramref name="model"/> at step <paramref name="k"/> of the next step's horizon (moved forward one step, the last repeated).</summary>
    public double ShiftedLog2(int model, int k) => Log2Batch[model * Steps + Math.Min(k + 1, Steps - 1)];

    public double ShiftedCap(int job, int k) => CapFraction[job * Steps + Math.Min(k + 1, Steps - 1)];
}
