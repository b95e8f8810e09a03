using System.Diagnostics;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.PowerFlow;
using OpenG2G.Grid.Solver;
using OpenG2G.Scenarios.Running;

namespace OpenG2G.Scenarios.Tests.Fuzzing;

/// <summary>
/// Feeds mutated shipped inputs to the readers a user's files reach: the scenario loader and builder
/// (<see cref="ScenarioRunner.Prepare"/>, feeders and trace library included), <c>--set</c> overrides, and
/// the feeder reader with one solve. Each case must end in a result or in <see cref="InvalidInputException"/>
/// (a solve may also report non-convergence or a singular network); anything else is a crash, and a case
/// that takes over a minute a hang. Deterministic for a seed.
/// </summary>
public sealed class ReaderFuzzer
{
    private static readonly string[] OverridePaths = ["duration_s", "seed", "grid.period_s", "grid.source_pu", "grid.excluded_buses", "grid.initial_taps[0].step", "datacenters[0].period_s", "datacenters[0].bus", "datacenters[0].models[0].initial_replicas", "controllers[0].period_s", "outputs.row_group_rows", "voltage_band.v_min_pu", "x[0]", "grid..period_s", "datacenters[99].bus", ""];
    private static readonly string[] OverrideValues = ["60", "0.1", "-1", "1e999", ".nan", "[650, rg60", "{a: 1}", "", "~", "\"671\"", "abc", "[]", "99999999999", "0.15", "[{ regulator: creg1a, step: 99 }]"];

    private readonly Random _random;
    private readonly string _work;

    public ReaderFuzzer(int seed, string workDirectory)
    {
        _random = new Random(seed);
        _work = workDirectory;
    }

    /// <summary>One case that ended in neither a result nor a diagnostic.</summary>
    public sealed record Crash(int Case, string Input, string Mutation, string Outcome, string SavedAs);

    /// <summary>What a run found: cases by outcome, and the crashes (each input saved for reproduction).</summary>
    public sealed record Report(int Cases, int Results, int Diagnostics, int SolveFailures, List<Crash> Crashes, TimeSpan Elapsed);

    public Report Run(int cases)
    {
        var watch = Stopwatch.StartNew();
        int results = 0, diagnostics = 0, solveFailures = 0;
        var crashes = new List<Crash>();
        for (int i = 0; i < cases; i++)
        {
            (string input, string mutation, Func<string> read, string file) = NextCase(i);
            Task<string> task = Task.Run(read);
            string outcome;
            try
            {
                outcome = task.Wait(TimeSpan.FromMinutes(1)) ? task.Result : "hang: no answer within a minute";
            }
            catch (AggregateException e)
            {
                Exception inner = e.InnerException!;
                outcome = inner switch
                {
                    InvalidInputException => "diagnostics",
                    PowerFlowNotConvergedException or SingularNetworkException => "solve failed",
                    _ => $"crash: {inner.GetType().FullName}: {inner.Message}\n{inner.StackTrace}",
                };
            }
            switch (outcome)
            {
                case "result": results++; break;
                case "diagnostics": diagnostics++; break;
                case "solve failed": solveFailures++; break;
                default:
                    string saved = Path.Combine(_work, "crashes", $"case-{i}{Path.GetExtension(file)}");
                    Directory.CreateDirectory(Path.GetDirectoryName(saved)!);
                    File.Copy(file, saved, overwrite: true);
                    crashes.Add(new Crash(i, input, mutation, outcome, saved));
                    if (outcome.StartsWith("hang", StringComparison.Ordinal))
                        return new Report(i + 1, results, diagnostics, solveFailures, crashes, watch.Elapsed);
                    break;
            }
        }
        return new Report(cases, results, diagnostics, solveFailures, crashes, watch.Elapsed);
    }

    /// <summary>Case <paramref name="i"/>: half scenarios, a third feeders, the rest overrides on a scenario.</summary>
    private (string Input, string Mutation, Func<string> Read, string File) NextCase(int i)
    {
        int kind = _random.Next(12);
        string dir = Path.Combine(_work, "case");
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        if (kind < 6 || kind >= 10)
        {
            var (name, text) = FuzzInputs.Scenarios[_random.Next(FuzzInputs.Scenarios.Count)];
            string file = Path.Combine(dir, "scenario.yaml");
            string[] overrides = [];
            string mutation;
            if (kind < 6)
            {
                (text, mutation) = Mutator.Mutate(text, _random);
            }
            else
            {
                overrides = [OverridePaths[_random.Next(OverridePaths.Length)] + "=" + OverrideValues[_random.Next(OverrideValues.Length)]];
                mutation = "--set " + overrides[0];
            }
            File.WriteAllText(file, text);
            return (name, mutation, () => { ScenarioRunner.Prepare(file, overrides); return "result"; }, file);
        }
        var (feederName, feederText) = FuzzInputs.Feeders[_random.Next(FuzzInputs.Feeders.Count)];
        foreach (var (other, otherText) in FuzzInputs.Feeders.Where(f => Path.GetDirectoryName(f.Name) == Path.GetDirectoryName(feederName)))
            File.WriteAllText(Path.Combine(dir, Path.GetFileName(other)), otherText);
        (string mutated, string what) = Mutator.Mutate(feederText, _random);
        string path = Path.Combine(dir, Path.GetFileName(feederName));
        File.WriteAllText(path, mutated);
        return (feederName, what, () => { Feeder.Load(path).Solve(); return "result"; }, path);
    }
}
