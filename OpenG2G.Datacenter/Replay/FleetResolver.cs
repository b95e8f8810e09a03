using System.Collections.Immutable;
using System.Globalization;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Datacenter.Options;
using OpenG2G.Datacenter.Traces;

namespace OpenG2G.Datacenter.Replay;

/// <summary>
/// Turns validated <see cref="TraceReplayOptions"/> into runtime models and jobs using the trace
/// library, and checks what needs the library and the capacity. Every problem is reported at once
/// as an <see cref="InvalidInputException"/> whose diagnostics carry the option path (e.g.
/// <c>models[1].initial_batch_size</c>) and list what the library offers.
/// </summary>
internal static class FleetResolver
{
    public static (List<ModelRuntime> Models, List<TrainingRuntime> Training) Resolve(TraceReplayOptions options, TraceLibrary library, string libraryDirectory)
    {
        var problems = new List<Diagnostic>();
        void Problem(string path, string message) => problems.Add(Diagnostic.Error(SourceLocation.None, path, message));

        var models = new List<ModelRuntime>();
        for (int i = 0; i < options.Models.Length; i++)
        {
            var m = options.Models[i];
            string path = $"models[{i}]";
            string gpu = m.Gpu ?? options.GpuType;
            var matches = library.FindInference(m.Label, gpu, m.GpusPerReplica, m.Task);
            if (matches.Count != 1)
            {
                Problem(path, NotFound(library, m, gpu, matches, libraryDirectory));
                continue;
            }
            var config = matches[0];
            int g = config.Key.GpusPerReplica;
            if (g % options.GpusPerServer != 0 && options.GpusPerServer % g != 0)
                Problem(path + ".gpus_per_replica", $"{g} GPUs per replica must divide gpus_per_server ({options.GpusPerServer}) or be a multiple of it");
            var feasible = m.FeasibleBatchSizes.IsEmpty ? config.BatchSizes : m.FeasibleBatchSizes;
            var unmeasured = feasible.Where(b => config.PointAt(b) is null).ToList();
            if (unmeasured.Count > 0)
            {
                Problem(path + ".feasible_batch_sizes",
                    $"{string.Join(", ", unmeasured)} not measured for {config.Key}; measured batch sizes: {string.Join(", ", config.BatchSizes)}");
                continue;
            }
            if (!feasible.Contains(m.InitialBatchSize))
            {
                Problem(path + ".initial_batch_size", $"{m.InitialBatchSize} is not a feasible batch size of {config.Key}; feasible: {string.Join(", ", feasible)}");
                continue;
            }
            var info = new ServedModelInfo(config.Key.Label, g, feasible, m.ItlDeadlineS, config.Curves);
            models.Add(new ModelRuntime(models.Count, info, config, library, new ReplicaSchedule(m.InitialReplicas, m.Ramps), m.InitialBatchSize));
        }

        var training = new List<TrainingRuntime>();
        for (int i = 0; i < options.Training.Length; i++)
        {
            var t = options.Training[i];
            string path = $"training[{i}]";
            var profile = library.TrainingProfile(t.Profile);
            if (profile is null)
            {
                Problem(path + ".profile", $"no training profile '{t.Profile}' in {libraryDirectory}; available: {string.Join(", ", library.TrainingProfiles.Select(p => p.Id))}");
                continue;
            }
            PowerCapResponse? response = null;
            double cap = double.NaN;
            if (t.PowerCapResponse is { } id)
            {
                string gpu = t.Gpu ?? options.GpuType;
                response = library.PowerCap(id);
                var onGpu = library.PowerCaps.Where(r => string.Equals(r.Gpu, gpu, StringComparison.OrdinalIgnoreCase)).Select(r => r.Id).ToList();
                if (response is null)
                {
                    Problem(path + ".power_cap_response", $"no power-cap response '{id}' in {libraryDirectory}; on {gpu}: {(onGpu.Count == 0 ? "none" : string.Join(", ", onGpu))}");
                    continue;
                }
                if (BorrowingProblem(t, response, gpu, onGpu) is { } borrowing)
                {
                    Problem(borrowing.Path.Length == 0 ? path + ".power_cap_response" : path + "." + borrowing.Path, borrowing.Message);
                    continue;
                }
                cap = t.PowerCapW ?? response.MaxCapW;
                if (!(cap >= response.MinCapW && cap <= response.MaxCapW))
                {
                    Problem(path + ".power_cap_w", string.Create(CultureInfo.InvariantCulture,
                        $"{cap} W is outside the measured range {response.MinCapW}-{response.MaxCapW} W of '{response.Id}'"));
                    continue;
                }
            }
            training.Add(new TrainingRuntime(options.TrainingName(i), t.Gpus, t.Gpu ?? options.GpuType, t.StartS, t.EndS, profile, t.PeakWPerGpu, response, cap, t.PhaseSplit.ToArray()));
        }

        if (problems.Count == 0)
            CheckCapacity(options, models, training, Problem);
        if (problems.Count > 0)
            throw new InvalidInputException(problems);
        return (models, training);
    }

    /// <summary>
    /// A response measured on another GPU type than the job's may only be used when power_cap_curve names that
    /// GPU type (an explicit, recorded borrowing); null when the response fits.
    /// </summary>
    private static (string Path, string Message)? BorrowingProblem(TrainingJobOptions t, PowerCapResponse response, string gpu, List<string> onGpu)
    {
        bool sameGpu = string.Equals(response.Gpu, gpu, StringComparison.OrdinalIgnoreCase);
        if (t.PowerCapCurve is { } curve && !string.Equals(curve, response.Gpu, StringComparison.OrdinalIgnoreCase))
            return ("power_cap_curve", $"'{curve}' is not the GPU '{response.Id}' was measured on ({response.Gpu}); set power_cap_curve: {response.Gpu} or choose a response measured on {curve}");
        if (sameGpu || t.PowerCapCurve is not null)
            return null;
        string measured = onGpu.Count == 0 ? $"the library has no power-capped training measured on {gpu}" : $"on {gpu}: {string.Join(", ", onGpu)}";
        return ("", $"'{response.Id}' was measured on {response.Gpu}, but the job runs on {gpu} ({measured}); to borrow the {response.Gpu} curve as measured (caps, power per GPU and throughput fraction of {response.Gpu}), set power_cap_curve: {response.Gpu}");
    }

    private static void CheckCapacity(TraceReplayOptions options, List<ModelRuntime> models, List<TrainingRuntime> training, Action<string, string> problem)
    {
        int n = options.GpusPerServer;
        int servers = options.CapacityGpus / n;
        int trainingServers = training.Sum(t => (t.Gpus + n - 1) / n);
        var needs = models.Select(m => (m.Label, Servers: (m.Schedule.Max * m.GpusPerReplica + n - 1) / n)).ToList();
        int needed = trainingServers + needs.Sum(x => x.Servers);
        if (needed > servers)
        {
            string detail = string.Join(", ", needs.Select(x => $"{x.Label} {x.Servers}").Append($"training {trainingServers}"));
            problem("capacity_gpus", $"{options.CapacityGpus} GPUs = {servers} servers of {n}, but the peak replica counts and training jobs need {needed} whole servers ({detail})");
        }
    }

    private static string NotFound(TraceLibrary library, ServedModelOptions m, string gpu, IReadOnlyList<InferenceConfig> matches, string directory)
    {
        if (matches.Count > 1)
        {
            return $"'{m.Label}' on {gpu} has {matches.Count} configurations; choose one with gpus_per_replica and/or task: " +
                string.Join("; ", matches.Select(TraceLibrary.Describe));
        }
        var sameLabel = library.Inference.Where(c => string.Equals(c.Key.Label, m.Label, StringComparison.OrdinalIgnoreCase)).ToList();
        if (sameLabel.Count > 0)
            return $"no configuration of '{m.Label}' matches gpu {gpu}, gpus_per_replica {m.GpusPerReplica?.ToString(CultureInfo.InvariantCulture) ?? "any"}, task {m.Task ?? "any"}; the library has: " +
                string.Join("; ", sameLabel.Select(TraceLibrary.Describe));
        var onGpu = library.Inference.Where(c => string.Equals(c.Key.Gpu, gpu, StringComparison.OrdinalIgnoreCase)).Select(c => c.Key.Label).Distinct().ToList();
        return $"no model '{m.Label}' in the trace library {directory}; models on {gpu}: {(onGpu.Count == 0 ? "none" : string.Join(", ", onGpu))} (see `openg2g traces list`)";
    }
}
