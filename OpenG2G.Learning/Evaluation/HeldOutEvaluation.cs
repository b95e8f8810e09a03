using System.Collections.Immutable;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Core.Events;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.Metrics;
using OpenG2G.Core.Randomness;
using OpenG2G.Learning.Randomisation;
using OpenG2G.Learning.Training;
using OpenG2G.Scenarios.Loading;
using OpenG2G.Scenarios.Running;

namespace OpenG2G.Learning.Evaluation;

/// <summary>
/// Runs every case of an evaluation file on held-out randomised scenarios: the training file's randomiser
/// draws scenario j from seed <c>stream(training seed, "heldout/j")</c>, and every one of those seeds is
/// checked against the seeds of every training episode (never used in training). Each (scenario, case) is
/// the case's scenario file with the draw's overrides, run by the kernel exactly as <c>openg2g run</c>
/// runs it (same components and seed; no files written), measured with Core's accumulators.
/// </summary>
public static class HeldOutEvaluation
{
    public static ImmutableArray<HeldOutRow> Run(string evaluationFile, Action<string>? progress = null)
    {
        var file = new OptionsFile<EvaluationFile>(evaluationFile, "evaluation file");
        EvaluationFile e = file.Value;
        string training = file.File("training", e.Training);
        string[] cases = e.Cases.Select((c, i) => file.File($"cases[{i}].scenario", c.Scenario)).ToArray();
        file.ThrowIfInvalid();
        (TrainingFile t, string baseScenario) = new TrainingFileLoader().Load(training);
        if (t.Randomise is not RandomiseOptions r)
            throw new InvalidInputException(Diagnostic.Error(file.Locations.Find("training"), "training", "the training file has no randomise section to draw held-out scenarios from"));
        ScenarioDefinition definition = new ScenarioLoader().Load(baseScenario, t.Overrides);
        var randomiser = new ScenarioRandomiser(r, definition);
        ulong[] seeds = HeldOutSeeds(t, e, definition.Duration);
        var runs = (from j in Enumerable.Range(0, seeds.Length) from c in Enumerable.Range(0, cases.Length) select (j, c)).ToArray();
        var rows = new HeldOutRow[runs.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = e.Workers > 0 ? e.Workers : System.Environment.ProcessorCount };
        int done = 0;
        Parallel.For(0, runs.Length, parallel, k =>
        {
            (int j, int c) = runs[k];
            ImmutableArray<string> overrides = randomiser.Sample(seeds[j]);
            rows[k] = RunOne(j, seeds[j], e.Cases[c].Name, cases[c], [.. t.Overrides, .. overrides]);
            progress?.Invoke($"{Interlocked.Increment(ref done)}/{runs.Length}: scenario {j} {e.Cases[c].Name}: {rows[k].IntegralViolationPuS:F4} pu·s, {rows[k].MeanThroughputTokensPerS / 1e3:F0} k tok/s");
        });
        return rows.ToImmutableArray();
    }

    /// <summary>The held-out seeds; throws when one was a training episode's seed.</summary>
    public static ulong[] HeldOutSeeds(TrainingFile t, EvaluationFile e, TimeSpan episodeDuration)
    {
        var seeds = Enumerable.Range(0, e.Scenarios).Select(j => SimRandom.ForStream(t.Seed, $"{e.SeedStream}/{j}").NextUInt64()).ToArray();
        // Every iteration plays one whole episode per environment, so the training ran this many iterations.
        long period = Core.Time.TimeBase.Duration(t.Agent.PeriodS, "agent.period_s").Ticks;
        long episodeSteps = (episodeDuration.Ticks + period - 1) / period;
        long perIteration = episodeSteps * t.Ppo.Environments;
        long iterations = (t.Ppo.TotalSteps + perIteration - 1) / perIteration;
        var heldOut = new HashSet<ulong>(seeds);
        if (heldOut.Count != seeds.Length)
            throw new InvalidOperationException("two held-out scenarios have the same seed; choose another seed_stream");
        for (int k = 0; k < iterations; k++)
        {
            for (int i = 0; i < t.Ppo.Environments; i++)
            {
                ulong s = PpoTrainer.EpisodeSeed(t.Seed, k, i);
                if (heldOut.Contains(s))
                    throw new InvalidOperationException($"held-out seed {s} was the seed of training episode {k}/{i}; choose another seed_stream");
            }
        }
        return seeds;
    }

    private static HeldOutRow RunOne(int scenario, ulong seed, string name, string path, IReadOnlyList<string> overrides)
    {
        BuiltScenario built = ScenarioRunner.Prepare(path, overrides);
        ScenarioDefinition d = built.Definition;
        var band = new VoltageBand(d.Header.VoltageBand.VMinPu, d.Header.VoltageBand.VMaxPu);
        var metrics = new RunMetrics(built, band);
        new Simulation(built.Setup, [metrics]).Run(seed);
        VoltageMetrics v = metrics.Voltage.Result();
        ServiceMetrics s = metrics.Service.Result();
        return new HeldOutRow(scenario, seed, name, v.ViolationTimeS, v.IntegralViolationPuS, v.WorstVminPu, v.WorstVmaxPu,
            s.MeanThroughputTokensPerS, s.NominalThroughputTokensPerS, s.ItlDeadlineMissFraction, s.MeanPowerKw, metrics.Commands,
            string.Join("; ", overrides));
    }
}
