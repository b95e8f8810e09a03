namespace OpenG2G.Controllers.Mpc;

/// <summary>
/// Where each variable and constraint of the MPC's QP sits. Variables, step k = 0 .. N - 1:
/// dx(model, k) (log2 batch minus its linearisation point), du(job, k) (normalised cap minus its
/// linearisation point), then one slack (milli-pu) per constrained bus-phase and step. Rows: batch
/// bounds (N M), batch rate limits ((N - 1) M), cap bounds (N J), voltage limits (S N), slack signs
/// (S N). Two layouts with the same sizes and the same constrained bus-phases give QPs of the same
/// pattern, so the solver keeps its symbolic analysis and the duals can be shifted.
/// </summary>
internal sealed class MpcLayout
{
    public MpcLayout(int steps, int models, int jobs, int[] lowerNodes, int[] upperNodes)
    {
        Steps = steps;
        Models = models;
        Jobs = jobs;
        LowerNodes = lowerNodes;
        UpperNodes = upperNodes;
    }

    public int Steps { get; }

    public int Models { get; }

    public int Jobs { get; }

    /// <summary>Grid node positions constrained from below, in slot order.</summary>
    public int[] LowerNodes { get; }

    /// <summary>Grid node positions constrained from above, in slot order after the lower ones.</summary>
    public int[] UpperNodes { get; }

    public int Slots => LowerNodes.Length + UpperNodes.Length;

    public int Variables => Steps * (Models + Jobs + Slots);

    public int Constraints => Steps * Models + (Steps - 1) * Models + Steps * Jobs + 2 * Steps * Slots;

    public int X(int model, int k) => k * Models + model;

    public int U(int job, int k) => Steps * Models + k * Jobs + job;

    public int Slack(int slot, int k) => Steps * (Models + Jobs) + k * Slots + slot;

    public int BoxRow(int model, int k) => k * Models + model;

    public int RateRow(int model, int k) => Steps * Models + (k - 1) * Models + model;

    public int CapRow(int job, int k) => (2 * Steps - 1) * Models + k * Jobs + job;

    public int VoltageRow(int slot, int k) => (2 * Steps - 1) * Models + Steps * Jobs + k * Slots + slot;

    public int SlackRow(int slot, int k) => (2 * Steps - 1) * Models + Steps * Jobs + Steps * Slots + k * Slots + slot;

    /// <summary>Grid node of slot <paramref name="slot"/>.</summary>
    public int NodeOf(int slot) => slot < LowerNodes.Length ? LowerNodes[slot] : UpperNodes[slot - LowerNodes.Length];

    public bool IsLower(int slot) => slot < LowerNodes.Length;

    /// <summary>Same sizes and the same constrained bus-phases in the same slots.</summary>
    public bool SameAs(MpcLayout? other) =>
        other is not null && other.Steps == Steps && other.Models == Models && other.Jobs == Jobs
        && other.LowerNodes.AsSpan().SequenceEqual(LowerNodes) && other.UpperNodes.AsSpan().SequenceEqual(UpperNodes);

    /// <summary>
    /// The previous step's solution moved one step forward (the last step repeated), as a start for
    /// this step's QP: variables through <paramref name="primal"/>, rows through <paramref name="dual"/>.
    /// Decision deviations start at zero (the linearisation point already is the shifted plan).
    /// </summary>
    public (double[] Primal, double[] Dual) Shift(ReadOnlySpan<double> primal, ReadOnlySpan<double> dual)
    {
        var x = new double[Variables];
        var y = new double[Constraints];
        for (int k = 0; k < Steps; k++)
        {
            int from = Math.Min(k + 1, Steps - 1);
            for (int s = 0; s < Slots; s++)
            {
                x[Slack(s, k)] = primal[Slack(s, from)];
                y[VoltageRow(s, k)] = dual[VoltageRow(s, from)];
                y[SlackRow(s, k)] = dual[SlackRow(s, from)];
            }
            for (int i = 0; i < Models; i++)
            {
                y[BoxRow(i, k)] = dual[BoxRow(i, from)];
                if (k >= 1 && from >= 1)
                    y[RateRow(i, k)] = dual[RateRow(i, from)];
            }
            for (int j = 0; j < Jobs; j++)
                y[CapRow(j, k)] = dual[CapRow(j, from)];
        }
        return (x, y);
    }
}
