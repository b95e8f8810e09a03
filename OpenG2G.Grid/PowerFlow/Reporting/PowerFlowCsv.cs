using System.Globalization;
using System.Text;

namespace OpenG2G.Grid.PowerFlow.Reporting;

/// <summary>CSV files of a solve: node voltages and line-to-line voltage magnitudes.</summary>
public static class PowerFlowCsv
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Node voltages, columns <c>bus,phase,vmag_pu,vmag_v,vang_deg</c> (bus lower-case, phase 1..3).</summary>
    public static void WriteNodeVoltages(string path, PowerFlowResult r)
    {
        var sb = new StringBuilder("bus,phase,vmag_pu,vmag_v,vang_deg\n");
        for (int i = 0; i < r.Nodes.Count; i++)
        {
            var n = r.Nodes.Nodes[i];
            sb.Append(string.Create(Inv, $"{n.Bus},{n.Phase},{r.VoltagePu[i]:F10},{r.VoltageVolts[i]:F6},{r.AngleDeg[i]:F6}\n"));
        }
        File.WriteAllText(path, sb.ToString());
    }

    /// <summary>Line-to-line magnitudes, columns <c>bus,nodes,vmag_v</c> (nodes 1-2, 2-3, 3-1).</summary>
    public static void WriteLineToLine(string path, Feeder feeder)
    {
        var sb = new StringBuilder("bus,nodes,vmag_v\n");
        foreach (var (bus, nodes, volts) in feeder.LineToLineVoltages())
            sb.Append(string.Create(Inv, $"{bus},{nodes},{volts:F6}\n"));
        File.WriteAllText(path, sb.ToString());
    }
}
