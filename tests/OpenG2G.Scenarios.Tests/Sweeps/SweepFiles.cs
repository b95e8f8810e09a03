using OpenG2G.Scenarios.Sweeps;
using OpenG2G.Scenarios.Tests.Support;

namespace OpenG2G.Scenarios.Tests.Sweeps;

/// <summary>Sweep files written for a test, over the shipped IEEE 13 scenarios.</summary>
internal static class SweepFiles
{
    /// <summary>A sweep of the shipped IEEE 13 OFO scenario, <paramref name="seconds"/> long, without the bus-voltage table.</summary>
    public static string Header(int seconds = 10) => $"""
        scenario: {Repo.Root}/scenarios/ieee13/ofo.yaml
        set:
          duration_s: {seconds}
          outputs.bus_voltages: false
        """;

    public static SweepPlan Plan(TempScenario file, bool checkRuns = false) => SweepLoader.Load(file.FilePath, checkRuns);

    /// <summary>Each run's parameter values as text, in order.</summary>
    public static List<string> Values(SweepPlan plan) =>
        plan.Runs.Select(r => string.Join(" ", r.Values.Select((v, i) => plan.Parameters[i].Name + "=" + v.Text))).ToList();
}
