using System.Globalization;
using OpenG2G.Testing;

namespace OpenG2G.Cli.Tests;

/// <summary><c>openg2g powerflow --ll-out</c> on a 3-wire delta feeder, against OpenDSS's line-to-line voltages.</summary>
[Collection(ConsoleCollection.Name)]
public class PowerflowLineToLineTests
{
    [SharedDataFact]
    public void Line_to_line_voltages_of_IEEE37_match_OpenDSS()
    {
        string csv = Path.Combine(Path.GetTempPath(), "openg2g-ll-" + Guid.NewGuid().ToString("N") + ".csv");
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        int code;
        try
        {
            code = Program.BuildApp().Run(new[]
            {
                "powerflow", SharedData.PathOf("feeders-extra/ieee37/ieee37.dss"), "--regulators", "off",
                "--tolerance", "1e-10", "--max-iterations", "100", "--ll-out", csv,
            });
        }
        finally
        {
            Console.SetOut(previous);
        }
        Assert.Equal(0, code);
        string[] lines = File.ReadAllLines(csv);
        File.Delete(csv);
        Assert.Equal("bus,nodes,vmag_v", lines[0]);
        var ours = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => (f[0], f[1]), f => double.Parse(f[2], CultureInfo.InvariantCulture));
        var reference = File.ReadLines(SharedData.PathOf("reference/opendss-wide/voltages_ll/ref/ieee37_off.csv")).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(f => (f[1], f[2]), f => double.Parse(f[4], CultureInfo.InvariantCulture));
        Assert.Equal(reference.Keys.Order(), ours.Keys.Order());
        foreach (var (key, volts) in reference)
            Assert.True(Math.Abs(ours[key] - volts) <= 1e-6 * volts, $"{key}: {ours[key]} V, OpenDSS {volts} V");
    }
}
