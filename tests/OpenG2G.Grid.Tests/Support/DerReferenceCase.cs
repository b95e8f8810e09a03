using System.Globalization;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.PowerFlow;
using OpenG2G.Testing;

namespace OpenG2G.Grid.Tests.Support;

/// <summary>
/// The OpenDSS reference cases of ../shared/reference/opendss-der (feeders with PVSystem, Storage,
/// Generator, InvControl and other load models from ../shared/feeders-der): how each was run
/// (case_commands.csv, whose Set commands are applied here), its node voltages, summary line and the
/// terminal power of every PVSystem, Storage and Generator (elements.csv).
/// </summary>
internal static class DerReferenceCase
{
    private const string Root = "reference/opendss-der/";

    /// <summary>Every case of case_commands.csv, in file order.</summary>
    public static IEnumerable<string> All() => Rows("case_commands.csv").Select(r => r["case"]);

    /// <summary>Load the case's master and apply the reference's Set commands (control mode, tolerance, iteration limits).</summary>
    public static Feeder Load(string caseName)
    {
        var row = Rows("case_commands.csv").Single(r => r["case"] == caseName);
        var feeder = Feeder.Load(SharedData.PathOf(row["master"]));
        foreach (string command in row["commands"].Split(';', StringSplitOptions.TrimEntries))
        {
            string[] words = command.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (!words[0].Equals("set", StringComparison.OrdinalIgnoreCase))
                continue;
            string[] kv = words[1].Split('=', 2);
            string value = kv[1].Trim();
            switch (kv[0].Trim().ToLowerInvariant())
            {
                case "controlmode": feeder.ControlMode = value.Equals("static", StringComparison.OrdinalIgnoreCase) ? ControlMode.Static : ControlMode.Off; break;
                case "tolerance": feeder.Tolerance = D(value); break;
                case "maxiterations": feeder.MaxIterations = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "maxcontroliter": feeder.MaxControlIterations = int.Parse(value, CultureInfo.InvariantCulture); break;
            }
        }
        return feeder;
    }

    public static Dictionary<(string Bus, int Phase), (double Pu, double Volts, double AngleDeg)> Voltages(string caseName)
    {
        var result = new Dictionary<(string, int), (double, double, double)>();
        foreach (string line in File.ReadLines(SharedData.PathOf($"{Root}voltages/ref/{caseName}.csv")).Skip(1))
        {
            string[] f = line.Split(',');
            result[(f[1], int.Parse(f[2], CultureInfo.InvariantCulture))] = (D(f[3]), D(f[4]), D(f[5]));
        }
        return result;
    }

    public static Dictionary<string, string> Summary(string caseName) => Rows("cases_summary.csv").Single(r => r["case"] == caseName);

    /// <summary>Terminal power into each element per phase and in total (kW, kvar; generation negative), by element and phase ("1".."3", "total").</summary>
    public static List<(string Element, string Phase, double Kw, double Kvar)> Elements(string caseName) =>
        Rows("elements.csv").Where(r => r["case"] == caseName).Select(r => (r["element"], r["phase"], D(r["p_kw"]), D(r["q_kvar"]))).ToList();

    public static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static List<Dictionary<string, string>> Rows(string file)
    {
        string[] lines = File.ReadAllLines(SharedData.PathOf(Root + file));
        string[] header = lines[0].Split(',');
        return lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => header.Zip(l.Split(',', header.Length)).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
