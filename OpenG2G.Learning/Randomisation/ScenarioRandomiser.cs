using System.Collections.Immutable;
using System.Globalization;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Core.Randomness;
using OpenG2G.Datacenter.Options;
using OpenG2G.Grid.Components;
using OpenG2G.Scenarios.Loading;

namespace OpenG2G.Learning.Randomisation;

/// <summary>
/// Draws a scenario per seed as <c>--set</c> overrides of the base scenario: the same seed gives the same
/// overrides (a stream of the seed named <c>randomise</c>), which are the scenario's record. Base values
/// the draws scale (training GPUs, initial replicas, PV and load peaks) are read from the base scenario
/// once.
/// </summary>
public sealed class ScenarioRandomiser
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly RandomiseOptions _options;
    private readonly int _site;
    private readonly TraceReplayOptions _datacenter;
    private readonly OpenDssGridOptions _grid;

    /// <summary>Throws <see cref="InvalidInputException"/> (paths under <c>randomise</c>) when the base scenario lacks what a draw changes.</summary>
    public ScenarioRandomiser(RandomiseOptions options, ScenarioDefinition baseScenario)
    {
        _options = options;
        var problems = new List<Diagnostic>();
        void Problem(string path, string message) => problems.Add(Diagnostic.Error(SourceLocation.None, "randomise." + path, message));
        string name = options.Datacenter ?? baseScenario.Datacenters.FirstOrDefault()?.Name ?? "";
        _site = baseScenario.Datacenters.ToList().FindIndex(d => d.Name == name);
        if (_site < 0 || baseScenario.Datacenters[_site].Options is not TraceReplayOptions dc)
            throw new InvalidInputException(Diagnostic.Error(SourceLocation.None, "randomise.datacenter", $"no trace-replay datacenter named '{name}' in the scenario"));
        _datacenter = dc;
        _grid = baseScenario.Grid?.Options as OpenDssGridOptions
            ?? throw new InvalidInputException(Diagnostic.Error(SourceLocation.None, "randomise", "the scenario needs an opendss grid"));
        bool training = !options.TrainingStartS.IsDefaultOrEmpty || !options.TrainingDurationS.IsDefaultOrEmpty || !options.TrainingGpuFraction.IsDefaultOrEmpty;
        if (training && dc.Training.IsEmpty)
            Problem("training_start_s", $"datacenter '{name}' has no training job to randomise");
        bool ramps = !options.RampStartS.IsDefaultOrEmpty || !options.RampDurationS.IsDefaultOrEmpty || !options.RampTargetFraction.IsDefaultOrEmpty;
        if (ramps && dc.Models.Any(m => m.Ramps.IsEmpty))
            Problem("ramp_start_s", $"every model of '{name}' needs a replica ramp to randomise");
        foreach (int b in options.InitialBatchSizes)
        {
            foreach (ServedModelOptions m in dc.Models.Where(m => !m.FeasibleBatchSizes.IsEmpty && !m.FeasibleBatchSizes.Contains(b)))
                Problem("initial_batch_sizes", $"{b} is not a feasible batch size of '{m.Label}'");
        }
        if (problems.Count > 0)
            throw new InvalidInputException(problems);
    }

    /// <summary>The overrides of the scenario of <paramref name="seed"/>.</summary>
    public ImmutableArray<string> Sample(ulong seed)
    {
        var r = SimRandom.ForStream(seed, "randomise");
        var draws = _options.Ranges().ToDictionary(x => x.Key, x => x.Range.IsDefaultOrEmpty ? (double?)null : r.NextUniform(x.Range[0], x.Range[1]));
        int? batch = _options.InitialBatchSizes.IsDefaultOrEmpty ? null : _options.InitialBatchSizes[r.NextInt(_options.InitialBatchSizes.Length)];
        var o = ImmutableArray.CreateBuilder<string>();
        string dc = $"datacenters[{_site}]";
        if (!_datacenter.Training.IsEmpty)
        {
            TrainingJobOptions job = _datacenter.Training[0];
            double start = draws["training_start_s"] ?? job.StartS;
            double length = draws["training_duration_s"] ?? job.EndS - job.StartS;
            if (draws["training_start_s"] is not null || draws["training_duration_s"] is not null)
            {
                o.Add(Set($"{dc}.training[0].start_s", Round(start)));
                o.Add(Set($"{dc}.training[0].end_s", Round(start + length)));
            }
            if (draws["training_gpu_fraction"] is double f)
                o.Add(Set($"{dc}.training[0].gpus", WholeServers(job.Gpus * f)));
        }
        for (int i = 0; i < _datacenter.Models.Length; i++)
            AddModel(o, $"{dc}.models[{i}]", _datacenter.Models[i], draws, batch);
        for (int i = 0; i < _grid.Pv.Length; i++)
        {
            if (draws["pv_scale"] is double s)
                o.Add(Set($"grid.pv[{i}].peak_kw_per_phase", Round(_grid.Pv[i].PeakKwPerPhase * s)));
        }
        for (int i = 0; i < _grid.Loads.Length; i++)
        {
            if (draws["load_scale"] is double s)
                o.Add(Set($"grid.loads[{i}].peak_kw_per_phase", Round(_grid.Loads[i].PeakKwPerPhase * s)));
        }
        if (draws["source_pu"] is double v)
            o.Add(Set("grid.source_pu", Math.Round(v, 5)));
        return o.ToImmutable();
    }

    private static void AddModel(ImmutableArray<string>.Builder o, string path, ServedModelOptions m, Dictionary<string, double?> draws, int? batch)
    {
        if (batch is int b)
            o.Add(Set(path + ".initial_batch_size", b));
        if (m.Ramps.IsEmpty)
            return;
        ReplicaRampOptions ramp = m.Ramps[0];
        if (draws["ramp_start_s"] is not null || draws["ramp_duration_s"] is not null)
        {
            double start = draws["ramp_start_s"] ?? ramp.StartS;
            double length = draws["ramp_duration_s"] ?? ramp.EndS - ramp.StartS;
            o.Add(Set(path + ".ramps[0].start_s", Round(start)));
            o.Add(Set(path + ".ramps[0].end_s", Round(start + length)));
        }
        if (draws["ramp_target_fraction"] is double f)
            o.Add(Set(path + ".ramps[0].target", (int)Math.Round(m.InitialReplicas * f, MidpointRounding.AwayFromZero)));
    }

    private int WholeServers(double gpus)
    {
        int server = _datacenter.GpusPerServer;
        return Math.Max(server, (int)Math.Round(gpus / server, MidpointRounding.AwayFromZero) * server);
    }

    /// <summary>Times and powers to 0.1 (s, kW): the override text stays short and exact.</summary>
    private static double Round(double x) => Math.Round(x, 1, MidpointRounding.AwayFromZero);

    private static string Set(string path, double value) => path + "=" + value.ToString("R", Inv);

    private static string Set(string path, int value) => path + "=" + value.ToString(Inv);
}
