using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.Metrics;
using OpenG2G.Scenarios.Loading;
using OpenG2G.Scenarios.Results;

namespace OpenG2G.Scenarios.Running;

/// <summary>
/// One scenario's life in stages: <see cref="Load"/> (read and validate), <see cref="Build"/> (construct the
/// components), <see cref="Execute"/> (run the kernel and write the run folder: <c>scenario.yaml</c> (resolved),
/// Parquet time series streamed during the run, <c>summary.json</c>, plots and <c>run.log</c>, or nothing but the
/// summary). <see cref="Run"/> is all of them (<c>openg2g run</c>); sweeps call the stages themselves.
/// Invalid input (including an unusable run folder or outputs over <see cref="RunRequest.MaxOutputBytes"/>)
/// throws <see cref="InvalidInputException"/> before anything is written; a failing run closes every
/// writer, writes a summary marked failed and rethrows the <see cref="SimulationException"/>; an
/// interrupted run (<see cref="RunRequest.Cancellation"/>) closes every writer, writes a summary marked
/// interrupted and returns.
/// </summary>
public static partial class ScenarioRunner
{
    /// <summary>The version written into summaries (the Scenarios assembly's informational version).</summary>
    public static string Version { get; } =
        typeof(ScenarioRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ScenarioRunner).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>Stage 1: read and validate the scenario file with its overrides (throws <see cref="InvalidInputException"/>).</summary>
    public static ScenarioDefinition Load(string scenarioPath, IReadOnlyList<string>? overrides = null) =>
        new ScenarioLoader().Load(scenarioPath, overrides);

    /// <summary>Stage 2: construct its components (throws <see cref="InvalidInputException"/> for what only construction finds).</summary>
    public static BuiltScenario Build(ScenarioDefinition definition) => ScenarioBuilder.Build(definition);

    /// <summary>
    /// Load and build without running (what <c>openg2g validate</c> does). Components the loader found no
    /// problem with are built even when others have problems, so one pass reports both stages' problems.
    /// </summary>
    public static BuiltScenario Prepare(string scenarioPath, IReadOnlyList<string>? overrides = null)
    {
        var diagnostics = new List<Diagnostic>();
        ScenarioDefinition? definition = new ScenarioLoader().Read(scenarioPath, overrides, diagnostics);
        if (definition is null)
            throw new InvalidInputException(ScenarioLoader.Sorted(diagnostics));
        return ScenarioBuilder.Build(definition, diagnostics);
    }

    /// <summary>Load, build, run and write one scenario (what <c>openg2g run</c> does).</summary>
    public static RunOutcome Run(RunRequest request) => Execute(Prepare(request.ScenarioPath, request.Overrides), request);

    /// <summary>
    /// Stages 3 and 4: run a built scenario once and write its results as <paramref name="request"/> says (a run
    /// folder, or nothing but the returned summary with <see cref="RunRequest.WriteFiles"/> false). A built scenario
    /// holds component state: execute it once, from one thread.
    /// </summary>
    public static RunOutcome Execute(BuiltScenario built, RunRequest request)
    {
        ScenarioDefinition d = built.Definition;
        ulong seed = request.Seed ?? d.Header.Seed;
        string? directory = request.WriteFiles ? Path.GetFullPath(request.OutputDirectory ?? Path.Combine("runs", d.Name)) : null;
        if (directory is not null)
        {
            OutputEstimate estimate = OutputEstimate.Of(built);
            CheckOutputSize(d, estimate, request.MaxOutputBytes);
            request.Planned?.Invoke(new RunPlan(built, estimate, directory, seed));
        }

        var wall = Stopwatch.StartNew();
        using RunLog? log = directory is null ? null : OpenRunFolder(directory, d, seed);
        foreach (string o in request.Overrides)
            log?.Write("override: " + o);

        var band = new VoltageBand(d.Header.VoltageBand.VMinPu, d.Header.VoltageBand.VMaxPu);
        var recorders = new RunRecorders(built, band, directory is not null && request.Plots && d.Header.Outputs.Plots);
        ReportOnlyWhatIsRead(built, directory is not null);
        var simulation = new Simulation(built.Setup);
        (Exception? failure, bool interrupted) = Simulate(simulation, recorders, built, request, seed, directory, log);
        wall.Stop();

        RunSummary summary = recorders.Metrics.Summary(simulation, seed, failure is null && !interrupted, failure?.Message, wall.Elapsed.TotalSeconds)
            with { Interrupted = interrupted && failure is null };
        if (directory is not null)
            SummaryWriter.Write(Path.Combine(directory, SummaryWriter.FileName), summary);
        log?.Write(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Status}: {summary.GridSolves} grid solves, {summary.DatacenterSteps} datacenter steps, {summary.ControllerSteps} controller steps, wall time {summary.WallTimeS:F3} s"));
        // Plots of a failed or interrupted run show what happened up to then.
        if (recorders.Plots is not null && directory is not null)
            DrawPlots(recorders.Plots, directory, band, built.ItlDeadlinesS, log!);
        if (failure is not null && request.ThrowOnFailure)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();

        var files = directory is null
            ? []
            : Directory.GetFiles(directory).Select(Path.GetFileName).OfType<string>().OrderBy(f => f, StringComparer.Ordinal).ToList();
        return new RunOutcome(directory ?? string.Empty, summary, files);
    }

    /// <summary>
    /// Derived grid quantities that nothing reads are not computed at every step: the voltage angles are
    /// read only by <c>bus_voltages.parquet</c>, the losses only by <c>grid.parquet</c>, and by no built-in
    /// controller or metric. A plug-in controller might read either, so with one both stay on.
    /// </summary>
    private static void ReportOnlyWhatIsRead(BuiltScenario built, bool files)
    {
        if (built.Setup.Grid is not OpenG2G.Grid.Components.OpenDssGrid grid)
            return;
        Assembly builtIn = typeof(OpenG2G.Controllers.Ofo.OfoController).Assembly;
        bool plugin = built.Setup.Controllers.Any(c => c.Controller.GetType().Assembly != builtIn);
        grid.ReportsAngles = plugin || (files && built.Definition.Header.Outputs.BusVoltages);
        grid.ReportsLosses = plugin || files;
    }

    /// <summary>Run the kernel with every recorder attached; returns the failure (if any) and whether a cancellation stopped it, after closing every writer.</summary>
    private static (Exception? Failure, bool Interrupted) Simulate(Simulation simulation, RunRecorders recorders, BuiltScenario built, RunRequest request, ulong seed, string? directory, RunLog? log)
    {
        ScenarioDefinition d = built.Definition;
        Exception? failure = null;
        bool interrupted = false;
        try
        {
            recorders.Attach(simulation, built, directory);
            log?.Write($"components: grid {d.Grid?.Name ?? "none"}; datacenters {string.Join(", ", d.Datacenters.Select(x => x.Name))}; controllers {string.Join(", ", d.Controllers.Select(x => x.Name))}");
            request.Starting?.Invoke(d.Duration, directory ?? string.Empty);
            simulation.Run(seed, request.Cancellation, request.Progress);
        }
        catch (OperationCanceledException) when (request.Cancellation.IsCancellationRequested)
        {
            interrupted = true;
            log?.Write($"interrupted at t={simulation.Now} (of {d.Header.DurationS.ToString(CultureInfo.InvariantCulture)} s)");
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
        return (failure, interrupted);
    }

    private static void DrawPlots(PlotCollector data, string directory, VoltageBand band, IReadOnlyDictionary<string, double> deadlinesS, RunLog log)
    {
        try
        {
            foreach (string png in PlotWriter.Write(directory, data, band, deadlinesS))
                log.Write("plot: " + png);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or DllNotFoundException or TypeInitializationException)
        {
            log.Write("plots skipped: " + e.Message);
        }
    }
}
