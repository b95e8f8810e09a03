using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.Metrics;
using OpenG2G.Scenarios.Loading;
using OpenG2G.Scenarios.Results;

namespace OpenG2G.Scenarios.Running;

/// <summary>
/// Loads, builds and runs one scenario, writing its run folder: <c>scenario.yaml</c> (resolved),
/// Parquet time series streamed during the run, <c>summary.json</c>, plots and <c>run.log</c>.
/// Invalid input throws <see cref="Core.Diagnostics.InvalidInputException"/> before anything is written;
/// a failing run closes every writer, writes a summary marked failed and rethrows the
/// <see cref="Core.Diagnostics.SimulationException"/>.
/// </summary>
public static class ScenarioRunner
{
    /// <summary>The version written into summaries (the Scenarios assembly's informational version).</summary>
    public static string Version { get; } =
        typeof(ScenarioRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ScenarioRunner).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>Stage 1: read and validate the scenario file with its overrides (throws <see cref="Core.Diagnostics.InvalidInputException"/>).</summary>
    public static ScenarioDefinition Load(string scenarioPath, IReadOnlyList<string>? overrides = null) =>
        new ScenarioLoader().Load(scenarioPath, overrides);

    /// <summary>Stage 2: construct its components (throws <see cref="Core.Diagnostics.InvalidInputException"/> for what only construction finds).</summary>
    public static BuiltScenario Build(ScenarioDefinition definition) => ScenarioBuilder.Build(definition);

    /// <summary>Load and build without running (what <c>openg2g validate</c> does).</summary>
    public static BuiltScenario Prepare(string scenarioPath, IReadOnlyList<string>? overrides = null) =>
        Build(Load(scenarioPath, overrides));

    /// <summary>Load, build, run and write one scenario (what <c>openg2g run</c> does).</summary>
    public static RunOutcome Run(RunRequest request) => Execute(Prepare(request.ScenarioPath, request.Overrides), request);

    /// <summary>
    /// Stages 3 and 4: run a built scenario once and write its results as <paramref name="request"/> says (a run
    /// folder, or nothing but the returned summary with <see cref="RunRequest.WriteFiles"/> false). A failing run
    /// closes every writer, writes a summary marked failed and rethrows the <see cref="Core.Diagnostics.SimulationException"/>.
    /// A built scenario holds component state: execute it once, from one thread.
    /// </summary>
    public static RunOutcome Execute(BuiltScenario built, RunRequest request)
    {
        ScenarioDefinition d = built.Definition;
        ulong seed = request.Seed ?? d.Header.Seed;
        string? directory = request.WriteFiles ? Path.GetFullPath(request.OutputDirectory ?? Path.Combine("runs", d.Name)) : null;
        if (directory is not null)
            PrepareDirectory(directory);

        var wall = Stopwatch.StartNew();
        using RunLog? log = directory is null ? null : new RunLog(directory);
        log?.Write($"openg2g {Version}: scenario {d.FilePath} (name {d.Name}), seed {seed}, duration {d.Header.DurationS.ToString(CultureInfo.InvariantCulture)} s");
        foreach (string o in request.Overrides)
            log?.Write("override: " + o);
        if (directory is not null)
        {
            string traceLibrary = built.Setup.Datacenters.IsEmpty ? string.Empty : TraceLibraryOf(d);
            File.WriteAllText(Path.Combine(directory, ResolvedScenarioWriter.FileName), ResolvedScenarioWriter.ToYaml(d, seed, traceLibrary));
        }

        var band = new VoltageBand(d.Header.VoltageBand.VMinPu, d.Header.VoltageBand.VMaxPu);
        var recorders = new RunRecorders(built, band, directory is not null && request.Plots && d.Header.Outputs.Plots);
        var simulation = new Simulation(built.Setup);
        Exception? failure = Simulate(simulation, recorders, built, request, seed, directory, log);
        wall.Stop();

        RunSummary summary = recorders.Metrics.Summary(simulation, seed, failure is null, failure?.Message, wall.Elapsed.TotalSeconds);
        if (directory is not null)
            SummaryWriter.Write(Path.Combine(directory, SummaryWriter.FileName), summary);
        log?.Write(string.Create(CultureInfo.InvariantCulture,
            $"{(failure is null ? "completed" : "failed")}: {summary.GridSolves} grid solves, {summary.DatacenterSteps} datacenter steps, {summary.ControllerSteps} controller steps, wall time {summary.WallTimeS:F3} s"));
        // Plots of a failed run show what happened up to the failure.
        if (recorders.Plots is not null && directory is not null)
            DrawPlots(recorders.Plots, directory, band, log!);
        if (failure is not null && request.ThrowOnFailure)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();

        var files = directory is null
            ? []
            : Directory.GetFiles(directory).Select(Path.GetFileName).OfType<string>().OrderBy(f => f, StringComparer.Ordinal).ToList();
        return new RunOutcome(directory ?? string.Empty, summary, files);
    }

    /// <summary>Run the kernel with every recorder attached; returns the failure, if any, after closing every writer.</summary>
    private static Exception? Simulate(Simulation simulation, RunRecorders recorders, BuiltScenario built, RunRequest request, ulong seed, string? directory, RunLog? log)
    {
        ScenarioDefinition d = built.Definition;
        Exception? failure = null;
        try
        {
            recorders.Attach(simulation, built, directory);
            log?.Write($"components: grid {d.Grid?.Name ?? "none"}; datacenters {string.Join(", ", d.Datacenters.Select(x => x.Name))}; controllers {string.Join(", ", d.Controllers.Select(x => x.Name))}");
            request.Starting?.Invoke(d.Duration, directory ?? string.Empty);
            simulation.Run(seed, request.Cancellation, request.Progress);
        }
        catch (Exception e)
        {
            failure = e;
            log?.Write("FAILED: " + e.Message);
        }
        finally
        {
            // Close even after a failure (that is the point); a closing error matters only if nothing failed before.
            Exception? closing = recorders.Close(log);
            failure ??= closing;
        }
        return failure;
    }

    private static void DrawPlots(PlotCollector data, string directory, VoltageBand band, RunLog log)
    {
        try
        {
            foreach (string png in PlotWriter.Write(directory, data, band))
                log.Write("plot: " + png);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or DllNotFoundException or TypeInitializationException)
        {
            log.Write("plots skipped: " + e.Message);
        }
    }

    private static string TraceLibraryOf(ScenarioDefinition d) =>
        d.Header.TraceLibrary is { } own
            ? Path.GetFullPath(Path.Combine(d.BaseDirectory, own))
            : Datacenter.Traces.TraceLibraryLocator.Find() ?? string.Empty;

    /// <summary>Create the folder and remove what an earlier run wrote there, so no stale file is mistaken for this run's.</summary>
    private static void PrepareDirectory(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (string f in Directory.GetFiles(directory))
        {
            string name = Path.GetFileName(f);
            if (name.EndsWith(".parquet", StringComparison.Ordinal) || name.EndsWith(".png", StringComparison.Ordinal)
                || name is SummaryWriter.FileName or ResolvedScenarioWriter.FileName or RunLog.FileName)
                File.Delete(f);
        }
    }
}
