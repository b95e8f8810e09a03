using OpenG2G.Core.States;

namespace OpenG2G.Core.Capabilities;

/// <summary>A grid that can linearise its voltages around the current operating point.</summary>
public interface IVoltageSensitivityProvider
{
    /// <summary>
    /// Sensitivity of every bus-phase voltage magnitude to real and reactive power added on each
    /// phase of <paramref name="attachment"/> (a datacenter, PV, load or battery name), computed from
    /// the last solved network. Throws <see cref="ArgumentException"/> for an unknown attachment.
    /// </summary>
    VoltageSensitivity ComputeSensitivity(string attachment);
}

/// <summary>
/// dV/dP and dV/dQ: rows are <see cref="Nodes"/>, columns the attachment's phases A, B, C.
/// Units: per-unit voltage per kW (per kvar) added as load on that phase.
/// </summary>
public sealed class VoltageSensitivity
{
    private readonly double[] _dvDp;
    private readonly double[] _dvDq;

    public VoltageSensitivity(BusPhaseIndex nodes, double[] dvDpPuPerKw, double[] dvDqPuPerKvar)
    {
        if (dvDpPuPerKw.Length != nodes.Count * 3 || dvDqPuPerKvar.Length != nodes.Count * 3)
            throw new ArgumentException($"expected {nodes.Count * 3} entries (nodes x 3 phases, row-major)");
        Nodes = nodes;
        _dvDp = (double[])dvDpPuPerKw.Clone();
        _dvDq = (double[])dvDqPuPerKvar.Clone();
    }

    public BusPhaseIndex Nodes { get; }

    /// <summary>dV(node)/dP(phase) in pu per kW; <paramref name="phase"/> is 0 (A), 1 (B) or 2 (C).</summary>
    public double DvDpPuPerKw(int node, int phase) => _dvDp[node * 3 + phase];

    /// <summary>dV(node)/dQ(phase) in pu per kvar.</summary>
    public double DvDqPuPerKvar(int node, int phase) => _dvDq[node * 3 + phase];
}
