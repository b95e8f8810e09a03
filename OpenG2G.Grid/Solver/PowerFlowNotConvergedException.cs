namespace OpenG2G.Grid.Solver;

/// <summary>
/// A power flow (or its regulator control loop) did not converge. Names the iterations done, the
/// node whose voltage still changed most and by how much (per unit); no voltages are returned.
/// </summary>
public sealed class PowerFlowNotConvergedException : Exception
{
    public PowerFlowNotConvergedException(int iterations, string worstNode, double worstChangePu, double tolerance, string what = "power flow")
        : base($"{what} did not converge after {iterations} iterations: worst node {worstNode} still changed by {worstChangePu:G3} pu (tolerance {tolerance:G3})")
    {
        Iterations = iterations;
        WorstNode = worstNode;
        WorstChangePu = worstChangePu;
    }

    public int Iterations { get; }
    public string WorstNode { get; }
    public double WorstChangePu { get; }
}
