using System.Globalization;
using OpenG2G.Grid.Dss;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.PowerFlow;
using OpenG2G.Testing;

namespace OpenG2G.Grid.Tests.Support;

/// <summary>
/// The OpenDSS reference cases of ../shared/reference/opendss: how each was set up, and its
/// published node voltages and summary line.
/// </summary>
internal static class ReferenceCase
{
    public static readonly string[] Cases = ["ieee13_off", "ieee34_off", "ieee13_static", "ieee34_static", "ieee13_taps_published_off"];
    public static readonly string[] Variants = ["ref", "nominal_load_models"];

    public static string FeederPath(string caseName) => caseName.StartsWith("ieee13", StringComparison.Ordinal)
        ? SharedData.PathOf("feeders/ieee13/IEEE13Bus.dss")
        : SharedData.PathOf("feeders/ieee34/IEEE34Bus.dss");

    /// <summary>Load the case's feeder set up as the reference was: taps 1.0 (or published), tolerance 1e-10, 100 iterations.</summary>
    public static Feeder Load(string caseName, string variant)
    {
        var script = DssReader.ReadFile(FeederPath(caseName));
        var feeder = Feeder.FromScript(script);
        if (variant == "nominal_load_models")
        {
            string edits = string.Join("\n", feeder.Model.Loads.Select(l => $"Edit Load.{l.Name} vminpu=0.60 vmaxpu=1.40"));
            var extra = DssReader.ReadText(edits, Path.Combine(Path.GetDirectoryName(script.MainFile)!, "nominal.dss"));
            feeder = Feeder.FromScript(script with { Commands = script.Commands.AddRange(extra.Commands) });
        }
        // The reference compiled the master (whose own Solve moves the taps under static control), then set
        // every regulator tap back to 1.0 before its case (reference/opendss/README.md, step 1).
        foreach (var reg in feeder.Regulators)
            feeder.SetTap(reg, 1.0);
        feeder.ResetSolution();
        feeder.Tolerance = 1e-10;
        feeder.MaxIterations = 100;
        feeder.ControlMode = caseName.EndsWith("_static", StringComparison.Ordinal) ? ControlMode.Static : ControlMode.Off;
        if (caseName == "ieee13_taps_published_off")
        {
            feeder.SetTap(feeder.FindRegulator("reg1a")!, 1.0625);
            feeder.SetTap(feeder.FindRegulator("reg1b")!, 1.05);
            feeder.SetTap(feeder.FindRegulator("reg1c")!, 1.06875);
        }
        return feeder;
    }

    public static Dictionary<(string Bus, int Phase), (double Pu, double Volts, double AngleDeg)> Voltages(string caseName, string variant)
    {
        var result = new Dictionary<(string, int), (double, double, double)>();
        foreach (string line in File.ReadLines(SharedData.PathOf($"reference/opendss/voltages/{variant}/{caseName}.csv")).Skip(1))
        {
            string[] f = line.Split(',');
            result[(f[1], int.Parse(f[2], CultureInfo.InvariantCulture))] = (D(f[3]), D(f[4]), D(f[5]));
        }
        return result;
    }

    public static Dictionary<string, string> Summary(string caseName, string variant)
    {
        string[] lines = File.ReadAllLines(SharedData.PathOf("reference/opendss/cases_summary.csv"));
        string[] header = lines[0].Split(',');
        foreach (string line in lines.Skip(1))
        {
            string[] f = line.Split(',');
            if (f[0] == variant && f[1] == caseName)
                return header.Zip(f).ToDictionary(p => p.First, p => p.Second);
        }
        throw new InvalidOperationException($"no summary for {variant}/{caseName}");
    }

    public static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
