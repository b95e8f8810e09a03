using OpenG2G.Testing;

namespace OpenG2G.Cli.Tests;

/// <summary>
/// <c>openg2g powerflow</c>'s summary on a feeder with DER, against OpenDSS's own solution
/// (reference/opendss-der, ieee13_gen680_off: Generator 680 of 400 kW at pf 0.95, regulators off):
/// losses, source power and the generator's terminal power as OpenDSS reports them, and taps named by
/// RegControl and transformer.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class PowerflowSummaryTests
{
    [SharedDataFact]
    public void The_summary_reports_losses_source_DER_power_and_named_taps_as_OpenDSS()
    {
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        int code;
        try
        {
            code = Program.BuildApp().Run(new[]
            {
                "powerflow", SharedData.PathOf("feeders-der/ieee13/Master_gen680.dss"), "--regulators", "off",
                "--tolerance", "1e-10", "--max-iterations", "100",
            });
        }
        finally
        {
            Console.SetOut(previous);
        }
        Assert.Equal(0, code);
        string[] lines = output.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        // cases_summary.csv: losses 19.468703 kW, 46.930193 kvar; source 1180.468677 kW, 870.456551 kvar.
        // elements.csv: generator.g680 total -400.000000 kW, -131.473642 kvar (into the element).
        AssertLine(lines, "losses: ", 19.468703, 46.930193, " (lines, transformers and series elements)");
        AssertLine(lines, "source: ", 1180.468677, 870.456551, "");
        AssertLine(lines, "Generator.G680: ", -400.0, -131.473642, " (into the element)");
        Assert.Contains("taps: creg1a (reg1a)=1.00000 (0) creg1b (reg1b)=1.00000 (0) creg1c (reg1c)=1.00000 (0)", lines);
    }

    /// <summary>The line "PREFIXp kW, q kvarSUFFIX" with p and q within 0.002 of OpenDSS's (the summary prints three decimals).</summary>
    private static void AssertLine(string[] lines, string prefix, double kw, double kvar, string suffix)
    {
        string line = Assert.Single(lines, l => l.StartsWith(prefix, StringComparison.Ordinal));
        Assert.EndsWith(" kvar" + suffix, line);
        string[] parts = line[prefix.Length..^(" kvar" + suffix).Length].Split(" kW, ");
        Assert.Equal(kw, double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), 0.002);
        Assert.Equal(kvar, double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), 0.002);
    }
}
