using System.Diagnostics;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Running;

namespace OpenG2G.Scenarios.Sweeps;

/// <summary>
/// One process's share of a sweep while it runs: the work items of its shard, handed to workers in order, with what
/// earlier processes finished (read back from the folder) skipped and every new run's row written as it finishes.
/// </summary>
internal sealed class SweepState
{
    public const string WorkFolder = ".work";

    private readonly SweepPlan _plan;
    private readonly string _directory;
    private readonly SweepRunner.Options _options;
    private readonly SweepKeep _keep;
    private readonly HashSet<string> _finishedRuns;
    private readonly HashSet<string> _finishedSearches;
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly int _total;
    private int _next = -1;
    private int _done;
    private int _failed;
    private int _skipped;
    private int _searches;

    public SweepState(SweepPlan plan, string directory, SweepRunner.Options options, SweepKeep keep)
    {
        _plan = plan;
        _directory = directory;
        _options = options;
        _keep = keep;
        Items = Enumerable.Range(0, plan.WorkItems).Where(options.Shard.Owns).ToList();
        _finishedRuns = Finished(Path.Combine(directory, SweepTable.SummaryFolder));
        _finishedSearches = Finished(Path.Combine(directory, SweepTable.SearchFolder));
        _total = plan.Search is { } s ? Items.Count * EstimatedProbes(s) : Items.Count;
    }

    /// <summary>Work item indices of this shard (grid runs, or search groups), in order.</summary>
    public List<int> Items { get; }

    public int Done => _done;

    public int Failed => _failed;

    public int Skipped => _skipped;

    public int SearchesFinished => _searches;

    /// <summary>The first unexpected error of a worker (the others stop taking work).</summary>
    public Exception? Failure { get; private set; }

    /// <summary>A worker's loop: take the next item until none is left, the sweep is cancelled or a worker failed.</summary>
    public void Work()
    {
        try
        {
            while (!_options.Cancellation.IsCancellationRequested && Failure is null)
            {
                int k = Interlocked.Increment(ref _next);
                if (k >= Items.Count)
                    return;
                if (_plan.Search is null)
                    RunOnce(_plan.Runs[Items[k]]);
                else
                    Search(_plan.Searches[Items[k]], _plan.Search);
            }
        }
        catch (Exception e)
        {
            Failure ??= e;
        }
    }

    /// <summary>Run one grid run unless an earlier process finished it.</summary>
    private void RunOnce(SweepRun run)
    {
        if (_finishedRuns.Contains(run.RunId))
        {
            Interlocked.Increment(ref _skipped);
            return;
        }
        Execute(run);
    }

    private void Search(SweepSearchGroup group, SearchSpec spec)
    {
        if (_finishedSearches.Contains(group.IdPrefix))
        {
            Interlocked.Add(ref _skipped, _finishedRuns.Count(r => r.StartsWith(group.IdPrefix + "-p", StringComparison.Ordinal)));
            return;
        }
        var bisection = new Bisection(spec);
        ulong seed = 0;
        while (!bisection.Done)
        {
            if (_options.Cancellation.IsCancellationRequested)
                return;
            SweepRun run = _plan.Factory.Make(group.Combination, bisection.Probes, group.ScenarioPath, SweepLoader.WithSearchValue(group.Values, spec, bisection.Next), group.Seed);
            (double metric, bool completed, ulong runSeed)? result = _finishedRuns.Contains(run.RunId) ? ReadBack(run, spec) : Execute(run);
            if (result is not { } r)
                return; // cancelled mid-run: the probe is redone on resume
            if (_finishedRuns.Contains(run.RunId))
                Interlocked.Increment(ref _skipped);
            seed = r.runSeed;
            bisection.Record(r.completed && spec.Holds(r.metric), !r.completed);
        }
        TableFile.Write(SweepTable.SearchPart(_directory, group.IdPrefix), SweepTable.SearchColumns(_plan),
            [SweepTable.SearchRow(_plan, group, seed, bisection.Result, bisection.Outcome, bisection.Probes, bisection.FailedProbes)]);
        Interlocked.Increment(ref _searches);
    }

    /// <summary>Load, build and run <paramref name="run"/> and write its row; null when the sweep was cancelled during it (nothing written).</summary>
    private (double Metric, bool Completed, ulong Seed)? Execute(SweepRun run)
    {
        var wall = Stopwatch.StartNew();
        RunSummary? summary = null;
        string? error = null;
        string? scratch = _keep == SweepKeep.Timeseries ? Path.Combine(_directory, WorkFolder, run.RunId) : null;
        try
        {
            var built = ScenarioRunner.Build(ScenarioRunner.Load(run.ScenarioPath, run.Overrides));
            var outcome = ScenarioRunner.Execute(built, new RunRequest
            {
                ScenarioPath = run.ScenarioPath,
                OutputDirectory = scratch,
                WriteFiles = scratch is not null,
                Plots = false,
                Seed = run.Seed,
                ThrowOnFailure = false,
                Cancellation = _options.Cancellation,
            });
            summary = outcome.Summary;
            error = summary.Error;
        }
        catch (InvalidInputException e)
        {
            error = "invalid input: " + string.Join("; ", e.Errors.Select(d => d.ToString()));
        }
        if (_options.Cancellation.IsCancellationRequested && summary is not { Completed: true })
            return null;
        if (scratch is not null && summary is not null)
            MoveTimeseries(scratch, run.RunId);
        ulong? seed = summary?.Seed ?? run.Seed;
        TableFile.Write(SweepTable.RunPart(_directory, run.RunId), SweepTable.RunColumns(_plan),
            [SweepTable.RunRow(_plan, run, summary, error, wall.Elapsed.TotalSeconds, seed)]);
        int done = Interlocked.Increment(ref _done);
        int failed = summary is { Completed: true } ? _failed : Interlocked.Increment(ref _failed);
        _options.Progress?.Invoke(new SweepProgress(done, failed, _skipped, _total, _wall.Elapsed.TotalSeconds));
        double metric = summary is not null && _plan.Search is { } s ? Metric(summary, s.Metric) : double.NaN;
        return (metric, summary is { Completed: true }, seed ?? 0);
    }

    /// <summary>The outcome of a probe an earlier process finished, from its row.</summary>
    private (double, bool, ulong)? ReadBack(SweepRun run, SearchSpec spec)
    {
        var (columns, rows) = TableFile.Read(SweepTable.RunPart(_directory, run.RunId));
        object?[] row = rows.Single();
        int Col(string name) => columns.ToList().FindIndex(c => c.Name == name);
        object? metric = row[Col(SweepTable.ColumnName(spec.Metric))];
        double value = metric switch { double d => d, long l => l, ulong u => u, _ => double.NaN };
        return (value, (string?)row[Col("run_status")] == "completed", (ulong?)row[Col("run_seed")] ?? 0);
    }

    private static double Metric(RunSummary summary, string path) =>
        Results.Summary.SummaryFields.Run.Single(f => f.Path == path).Get(summary).AsDouble;

    /// <summary>A run's Parquet families into <c>timeseries/FAMILY/run_id=ID/part-0.parquet</c> (Hive partitioning).</summary>
    private void MoveTimeseries(string scratch, string runId)
    {
        foreach (string file in Directory.EnumerateFiles(scratch, "*.parquet"))
        {
            string family = Path.GetFileNameWithoutExtension(file);
            string target = Path.Combine(_directory, SweepTable.TimeseriesFolder, family, "run_id=" + runId);
            Directory.CreateDirectory(target);
            File.Move(file, Path.Combine(target, "part-0.parquet"), overwrite: true);
        }
        Directory.Delete(scratch, recursive: true);
    }

    private static HashSet<string> Finished(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "part-*.parquet").Select(f => Path.GetFileNameWithoutExtension(f)["part-".Length..]).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    private static int EstimatedProbes(SearchSpec s) => 2 + (int)Math.Ceiling(Math.Log2(Math.Max(2, (s.High - s.Low) / s.Tolerance)));
}
