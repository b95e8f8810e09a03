using System.Globalization;
using OpenG2G.Grid.Dss;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.PowerFlow;
using OpenG2G.Testing;

namespace OpenG2G.Grid.Tests.Support;

/// <summary>
/// The OpenDSS reference cases of ../shared/reference/opendss-wide (public IEEE feeders from
/// ../shared/feeders-extra): how each was run (case_commands.csv), its node and line-to-line
/// voltages, summary line and taps.
/// </summary>
internal static class WideReferenceCase
{
    private const string Root = "reference/opendss-wide/";

    /// <summary>(variant, case) of every reference case, in the order of case_commands.csv.</summary>
    public static IEnumerable<(string Variant, string Case)> All() =>
        Rows("case_commands.csv").Select(r => (r["variant"], r["case"]));

    /// <summary>Feeders whose node-to-ground voltages hang on anti-float admittances (3-wire delta): compare line-to-line.</summary>
    public static bool IsThreeWireDelta(string caseName) =>
        caseName is "ieee37_off" or "ieee4_yd_bal_off" or "ieee4_oyod_bal_off" or "ieee4_oyod_unbal_off";

    /// <summary>Load the case's master and set it up as the reference ran: nominal-model edits, control mode, tolerance, iteration limits.</summary>
    public static Feeder Load(string variant, string caseName)
    {
        var row = Row("case_commands.csv", variant, caseName);
        string master = SharedData.PathOf(row["master"]);
        string commands = row["commands"];
        var script = DssReader.ReadFile(master);
        if (commands.Contains("batchedit load..* vminpu=0.60 vmaxpu=1.40", StringComparison.Ordinal))
        {
            var extra = DssReader.ReadText("batchedit load..* vminpu=0.60 vmaxpu=1.40", Path.Combine(Path.GetDirectoryName(master)!, "nominal.dss"));
            script = script with { Commands = script.Commands.AddRange(extra.Commands) };
        }
        var feeder = Feeder.FromScript(script);
        feeder.ControlMode = commands.Contains("controlmode=static", StringComparison.Ordinal) ? ControlMode.Static : ControlMode.Off;
        feeder.Tolerance = 1e-10;
        feeder.MaxIterations = commands.Contains("maxiterations=1000", StringComparison.Ordinal) ? 1000 : 100;
        feeder.MaxControlIterations = 100;
        return feeder;
    }

    public static Dictionary<(string Bus, int Phase), (double Pu, double Volts, double AngleDeg)> Voltages(string variant, string caseName)
    {
        var result = new Dictionary<(string, int), (double, double, double)>();
        foreach (string line in File.ReadLines(SharedData.PathOf($"{Root}voltages/{variant}/{caseName}.csv")).Skip(1))
        {
            string[] f = line.Split(',');
            result[(f[1], int.Parse(f[2], CultureInfo.InvariantCulture))] = (D(f[3]), D(f[4]), D(f[5]));
        }
        return result;
    }

    /// <summary>Line-to-line magnitudes (volts) by bus and node pair ("1-2"); only the 'ref' variant has them.</summary>
    public static Dictionary<(string Bus, string Nodes), double> LineToLine(string caseName)
    {
        var result = new Dictionary<(string, string), double>();
        foreach (string line in File.ReadLines(SharedData.PathOf($"{Root}voltages_ll/ref/{caseName}.csv")).Skip(1))
        {
            string[] f = line.Split(',');
            result[(f[1], f[2])] = D(f[4]);
        }
        return result;
    }

    public static Dictionary<string, string> Summary(string variant, string caseName) => Row("cases_summary.csv", variant, caseName);

    /// <summary>Final taps "transformer=ratio" as the reference prints them (taps.csv), in file order.</summary>
    public static List<(string Transformer, double Tap)> Taps(string variant, string caseName) =>
        Rows("taps.csv").Where(r => r["variant"] == variant && r["case"] == caseName)
            .Select(r => (r["transformer"], D(r["tap_pu"]))).ToList();

    public static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Row(string file, string variant, string caseName) =>
        Rows(file).FirstOrDefault(r => r["variant"] == variant && r["case"] == caseName)
        ?? throw new InvalidOperationException($"no row for {variant}/{caseName} in {file}");

    private static List<Dictionary<string, string>> Rows(string file)
    {
        string[] lines = File.ReadAllLines(SharedData.PathOf(Root + file));
        string[] header = lines[0].Split(',');
        return lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
