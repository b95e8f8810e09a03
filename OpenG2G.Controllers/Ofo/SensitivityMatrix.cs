using OpenG2G.Core.Capabilities;
using OpenG2G.Core.States;

namespace OpenG2G.Controllers.Ofo;

/// <summary>
/// H (bus-phases x 3): change of each bus-phase voltage in pu per kW added on each phase of a datacenter,
/// with reactive power following at the datacenter's power factor: H = dV/dP + tan(acos(pf)) dV/dQ.
/// Rows follow the grid state's node ordering.
/// </summary>
internal sealed class SensitivityMatrix
{
    private double[] _h = Array.Empty<double>();

    /// <summary>Row-major nodes x 3, pu per kW.</summary>
    public double[] PuPerKw => _h;

    public void Clear() => _h = Array.Empty<double>();

    /// <summary>Recompute from <paramref name="provider"/> for <paramref name="attachment"/>, rows ordered as <paramref name="nodes"/>.</summary>
    public void Refresh(IVoltageSensitivityProvider provider, string attachment, double powerFactor, BusPhaseIndex nodes)
    {
        VoltageSensitivity s = provider.ComputeSensitivity(attachment);
        double tanPhi = Math.Tan(Math.Acos(powerFactor));
        var h = new double[nodes.Count * 3];
        bool sameOrder = ReferenceEquals(s.Nodes, nodes);
        for (int n = 0; n < nodes.Count; n++)
        {
            // A grid may hand out its sensitivities in another node ordering object; map by bus-phase then.
            int row = sameOrder ? n : s.Nodes.IndexOf(nodes.Nodes[n]);
            if (row < 0)
                continue;
            for (int p = 0; p < 3; p++)
                h[n * 3 + p] = s.DvDpPuPerKw(row, p) + tanPhi * s.DvDqPuPerKvar(row, p);
        }
        _h = h;
    }
}
