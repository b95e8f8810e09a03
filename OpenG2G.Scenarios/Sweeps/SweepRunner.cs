using System.Diagnostics;
using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Scenarios.Sweeps;

/// <summary>
/// Runs a <see cref="SweepPlan"/> into an output folder on <c>workers</c> threads, one run per worker at a time. Each
/// finished run's row is written at once (<see cref="SweepTable"/>), so a killed sweep loses only the runs in flight;
/// <c>resume</c> redoes exactly those. Runs are independent and seeded, so results do not depend on the worker count
/// or the shard. A failing run is recorded with its error and the sweep goes on.
/// </summary>
public static partial class SweepRunner
{
    /// <summary>How to run a sweep.</summary>
    public sealed record Options
    {
        public required string OutputDirectory { get; init; }

        /// <summary>Worker threads (default: every core).</summary>
        public int Workers { get; init; } = Environment.ProcessorCount;

        public SweepShard Shard { get; init; } = SweepShard.Whole;

        /// <summary>Continue a sweep whose folder exists; without it an existing sweep folder is refused.</summary>
        public bool Resume { get; init; }

        /// <summary>Overrides the sweep file's <c>keep</c>.</summary>
        public SweepKeep? Keep { get; init; }

        public CancellationToken Cancellation { get; init; }

        /// <summary>Called after every finished run (from worker threads; keep it cheap and thread-safe).</summary>
        public Action<SweepProgress>? Progress { get; init; }
    }

    /// <summary>Run (or resume) the shard's part of <paramref name="plan"/>; throws <see cref="InvalidInputException"/> for an unusable folder.</summary>
    public static SweepOutcome Run(SweepPlan plan, Options options)
    {
        if (options.Workers < 1)
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation("--workers", 0, 0), string.Empty, $"must be >= 1, got {options.Workers}"));
        string directory = Path.GetFullPath(options.OutputDirectory);
        SweepKeep keep = options.Keep ?? plan.Keep;
        PrepareFolder(plan, directory, options, keep);
        var state = new SweepState(plan, directory, options, keep);
        var wall = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, Math.Min(options.Workers, Math.Max(1, state.Items.Count)))
            .Select(_ => new Thread(state.Work) { IsBackground = true, Name = "sweep worker" })
            .ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        if (state.Failure is { } failure)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return new SweepOutcome(directory, state.Done, state.Failed, state.Skipped, state.SearchesFinished, options.Cancellation.IsCancellationRequested, wall.Elapsed.TotalSeconds);
    }

    /// <summary>A new folder gets the manifest; an existing one must hold this very sweep and shard, and needs <c>resume</c>.</summary>
    private static void PrepareFolder(SweepPlan plan, string directory, Options options, SweepKeep keep)
    {
        var mine = SweepManifest.For(plan, options.Shard, keep);
        SweepManifest? existing = Directory.Exists(directory) ? SweepManifest.Read(directory) : null;
        var where = new SourceLocation(Path.Combine(directory, SweepManifest.FileName), 0, 0);
        if (existing is null)
        {
            if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
                throw new InvalidInputException(Diagnostic.Error(new SourceLocation(directory, 0, 0), string.Empty, "the output folder exists and is not empty, but holds no sweep; choose a new --out folder"));
            Directory.CreateDirectory(directory);
            mine.Write(directory);
        }
        else if (existing.Merged)
        {
            throw new InvalidInputException(Diagnostic.Error(where, string.Empty, "this folder is the merged result of a finished sweep; it cannot be run or resumed (choose a new --out folder)"));
        }
        else if (!options.Resume)
        {
            throw new InvalidInputException(Diagnostic.Error(where, string.Empty, $"the output folder already holds sweep '{existing.Name}'; add --resume to continue it, or choose a new --out folder"));
        }
        else if (existing.Fingerprint != mine.Fingerprint)
        {
            throw new InvalidInputException(Diagnostic.Error(where, string.Empty,
                $"the sweep changed since this folder was started: {plan.FilePath} or one of its scenario files differs (fingerprint {Short(existing.Fingerprint)}, now {Short(mine.Fingerprint)}); restore it, or start a new --out folder"));
        }
        else if (existing.ShardIndex != mine.ShardIndex || existing.ShardCount != mine.ShardCount)
        {
            throw new InvalidInputException(Diagnostic.Error(where, string.Empty,
                $"this folder holds shard {existing.ShardIndex}/{existing.ShardCount} of the sweep; resume it with --shard {existing.ShardIndex}/{existing.ShardCount}"));
        }
        else if (existing.Keep != mine.Keep)
        {
            throw new InvalidInputException(Diagnostic.Error(where, string.Empty, $"this folder keeps '{existing.Keep}'; resume it with --keep {existing.Keep}"));
        }
        Directory.CreateDirectory(Path.Combine(directory, SweepTable.SummaryFolder));
        if (plan.Search is not null)
            Directory.CreateDirectory(Path.Combine(directory, SweepTable.SearchFolder));
        // Runs in flight when a process was killed left their scratch folders and temporary files: never results.
        string work = Path.Combine(directory, SweepState.WorkFolder);
        if (Directory.Exists(work))
            Directory.Delete(work, recursive: true);
        foreach (string tmp in Directory.EnumerateFiles(directory, "*.tmp-*", SearchOption.AllDirectories))
            File.Delete(tmp);
    }

    private static string Short(string fingerprint) => fingerprint.Length > 12 ? fingerprint[..12] : fingerprint;
}
