using System.Numerics;
using OpenG2G.Grid.Model.Capacitors;

namespace OpenG2G.Grid.Network;

/// <summary>
/// A capacitor bank as an admittance: per phase j*Q/V^2 with Q the in-service kvar per phase and V
/// the per-phase rating (line-to-neutral for 2-/3-phase wye, line-to-line for delta, across the
/// unit for 1-phase). Wye banks sit between terminal 1 and terminal 2 (ground by default); delta
/// banks between consecutive phases of terminal 1.
/// </summary>
internal static class CapacitorPrimitive
{
    public static Complex[,] Build(CapacitorElement c, double frequencyHz, double baseFrequencyHz)
    {
        int n = c.Phases;
        double vPhase = c.IsDelta || n == 1 ? c.Kv * 1000.0 : c.Kv * 1000.0 / Math.Sqrt(3.0);
        double b = c.ActiveKvar * 1000.0 / n / (vPhase * vPhase) * (frequencyHz / baseFrequencyHz);
        var y = new Complex(0, b);
        var p = new Complex[2 * n, 2 * n];
        if (!c.IsDelta)
        {
            for (int i = 0; i < n; i++)
            {
                p[i, i] += y;
                p[i + n, i + n] += y;
                p[i, i + n] -= y;
                p[i + n, i] -= y;
            }
            return p;
        }
        int branches = n == 1 ? 1 : n;
        for (int i = 0; i < branches; i++)
        {
            int j = n == 1 ? n : (i + 1) % n; // 1-phase delta: across terminal 1 and its second conductor
            p[i, i] += y;
            p[j, j] += y;
            p[i, j] -= y;
            p[j, i] -= y;
        }
        return p;
    }
}
