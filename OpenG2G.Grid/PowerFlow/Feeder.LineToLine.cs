using System.Collections.Immutable;

namespace OpenG2G.Grid.PowerFlow;

/// <summary>Line-to-line voltages, the fair quantity on 3-wire delta systems.</summary>
public sealed partial class Feeder
{
    /// <summary>
    /// Line-to-line voltage magnitudes (volts) of every bus with two or more of phases 1-3, pairs in
    /// cyclic order (1-2, 2-3, 3-1) where both phases exist, buses in network order; from the last solution.
    /// </summary>
    public ImmutableArray<(string Bus, string Nodes, double VoltageVolts)> LineToLineVoltages()
    {
        var v = _solver.Voltages;
        var result = ImmutableArray.CreateBuilder<(string, string, double)>();
        foreach (var bus in Network.Buses)
        {
            for (int a = 1; a <= 3; a++)
            {
                int b = a % 3 + 1;
                int i = bus.NodeIndex(a), j = bus.NodeIndex(b);
                if (i < 0 || j < 0)
                    continue;
                result.Add((bus.Name, $"{a}-{b}", (v[i] - v[j]).Magnitude));
            }
        }
        return result.ToImmutable();
    }
}
