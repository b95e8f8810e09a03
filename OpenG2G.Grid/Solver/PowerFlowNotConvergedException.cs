namespace OpenG2G.Grid.Solver;

/// <summary>
/// A power flow (or its regulator control loop) did not converge. Names the iterations done, the
/// node whose voltage still changed most and by how much (per unit); no voltages are returned.
/// </summary>
public sealed class PowerFlowNotConvergedException : Exception
{
    public PowerFlowNotConvergedException(int iterations, string worstNode, double worstChangePu, double tolerance, string what = "power flow")
        : this($"{what} did not converge after {iterations} iterations: worst node {worstNode} still changed by {worstChangePu:G3} pu (tolerance {tolerance:G3})", iterations, worstNode, worstChangePu)
    {
    }

    private PowerFlowNotConvergedException(string message, int iterations, string worstNode, double worstChangePu)
        : base(message)
    {
        Iterations = iterations;
        WorstNode = worstNode;
        WorstChangePu = worstChangePu;
    }

    /// <summary>The iterate became NaN or infinite at <paramref name="node"/> (the first such node) in iteration <paramref name="iteration"/>.</summary>
    public static PowerFlowNotConvergedException NonFinite(int iteration, string node) =>
        new($"power flow diverged in iteration {iteration}: the voltage of node {node} is not a finite number (NaN or infinite); check the source voltage, loads and impedances", iteration, node, double.NaN);

    public int Iterations { get; }
    public string WorstNode { get; }
    public double WorstChangePu { get; }
}
