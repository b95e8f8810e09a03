using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Scenarios.Sweeps;

/// <summary>
/// <c>openg2g sweep merge</c>: checks that shard folders belong to one sweep (same fingerprint and shard count, every
/// shard present once) and together hold every run exactly once (every grid run, or every search with its probes),
/// then writes one folder: <c>summary/merged.parquet</c>, <c>searches/merged.parquet</c> and the time series. Shard
/// folders are left as they are. Throws <see cref="InvalidInputException"/> listing what is missing, foreign or doubled.
/// </summary>
public static class SweepMerge
{
    public const string MergedFile = "merged.parquet";

    public static (int Runs, int Searches) Merge(IReadOnlyList<string> shardDirectories, string outputDirectory)
    {
        var manifests = shardDirectories.Select(d => (Dir: Path.GetFullPath(d), Manifest: SweepManifest.Read(Path.GetFullPath(d))
            ?? throw Problem(d, $"no {SweepManifest.FileName} here: not a sweep output folder"))).ToList();
        var problems = new List<Diagnostic>();
        SweepManifest first = manifests[0].Manifest;
        foreach (var (dir, m) in manifests.Skip(1))
        {
            if (m.Fingerprint != first.Fingerprint)
                problems.Add(Located(dir, $"belongs to another sweep ('{m.Name}', fingerprint {m.Fingerprint[..12]}) than {manifests[0].Dir} ('{first.Name}', {first.Fingerprint[..12]})"));
            else if (m.ShardCount != first.ShardCount)
                problems.Add(Located(dir, $"is shard {m.ShardIndex}/{m.ShardCount}, but {manifests[0].Dir} is one of {first.ShardCount} shards"));
        }
        foreach (var g in manifests.GroupBy(x => x.Manifest.ShardIndex).Where(g => g.Count() > 1))
            problems.Add(Located(g.Skip(1).First().Dir, $"is shard {g.Key}/{first.ShardCount} again (also {g.First().Dir})"));
        var missing = Enumerable.Range(0, first.ShardCount).Except(manifests.Select(x => x.Manifest.ShardIndex)).ToList();
        if (missing.Count > 0 && problems.Count == 0)
            problems.Add(Located(manifests[0].Dir, $"the sweep has {first.ShardCount} shards; missing: {string.Join(", ", missing.Select(k => $"{k}/{first.ShardCount}"))}"));
        if (problems.Count > 0)
            throw new InvalidInputException(problems);

        SweepPlan plan = SweepLoader.Load(first.SweepFile, checkRuns: false);
        if (plan.Fingerprint != first.Fingerprint)
            throw Problem(first.SweepFile, "the sweep file (or one of its scenarios) changed since the shards ran; restore it to merge");
        var runs = Collect(manifests.Select(x => x.Dir), SweepTable.SummaryFolder, problems);
        var searches = Collect(manifests.Select(x => x.Dir), SweepTable.SearchFolder, problems);
        CheckComplete(plan, runs, searches, problems);
        if (problems.Count > 0)
            throw new InvalidInputException(problems);
        Write(plan, outputDirectory, runs, searches, manifests.Select(x => x.Dir).ToList());
        return (runs.Count, searches.Count);
    }

    /// <summary>Part files by id across the shards; an id in two shards is a problem.</summary>
    private static Dictionary<string, string> Collect(IEnumerable<string> dirs, string folder, List<Diagnostic> problems)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string dir in dirs)
        {
            string f = Path.Combine(dir, folder);
            if (!Directory.Exists(f))
                continue;
            foreach (string file in Directory.EnumerateFiles(f, "part-*.parquet").Order(StringComparer.Ordinal))
            {
                string id = Path.GetFileNameWithoutExtension(file)["part-".Length..];
                if (!parts.TryAdd(id, file))
                    problems.Add(Located(file, $"run {id} is also in {parts[id]}: two shards ran the same run"));
            }
        }
        return parts;
    }

    private static void CheckComplete(SweepPlan plan, Dictionary<string, string> runs, Dictionary<string, string> searches, List<Diagnostic> problems)
    {
        var expected = plan.Search is null
            ? plan.Runs.Select(r => r.RunId).ToHashSet(StringComparer.Ordinal)
            : plan.Searches.Select(g => g.IdPrefix).ToHashSet(StringComparer.Ordinal);
        var have = plan.Search is null ? runs.Keys.ToHashSet(StringComparer.Ordinal) : searches.Keys.ToHashSet(StringComparer.Ordinal);
        var absent = expected.Except(have).Order(StringComparer.Ordinal).ToList();
        if (absent.Count > 0)
        {
            string what = plan.Search is null ? "runs" : "searches";
            problems.Add(Located(plan.FilePath, $"incomplete: {absent.Count} of {expected.Count} {what} have no result (first: {string.Join(", ", absent.Take(5))}); resume the shards that ran them"));
        }
        foreach (string id in runs.Keys.Where(id => plan.Search is null ? !expected.Contains(id) : !expected.Contains(id.Split("-p")[0])).Order(StringComparer.Ordinal))
            problems.Add(Located(runs[id], $"run {id} is not a run of sweep '{plan.Name}'"));
    }

    private static void Write(SweepPlan plan, string output, Dictionary<string, string> runs, Dictionary<string, string> searches, List<string> shards)
    {
        Directory.CreateDirectory(output);
        if (Directory.EnumerateFileSystemEntries(output).Any())
            throw Problem(output, "the merge output folder must be new or empty");
        Compact(runs, Path.Combine(output, SweepTable.SummaryFolder), SweepTable.RunColumns(plan));
        if (plan.Search is not null)
            Compact(searches, Path.Combine(output, SweepTable.SearchFolder), SweepTable.SearchColumns(plan));
        foreach (string shard in shards)
            CopyTree(Path.Combine(shard, SweepTable.TimeseriesFolder), Path.Combine(output, SweepTable.TimeseriesFolder));
        (SweepManifest.Read(shards[0])! with { ShardIndex = 0, ShardCount = 1, Merged = true }).Write(output);
    }

    /// <summary>Every part's row into one file, in id order.</summary>
    private static void Compact(Dictionary<string, string> parts, string folder, IReadOnlyList<TableColumn> columns)
    {
        Directory.CreateDirectory(folder);
        var rows = parts.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => TableFile.Read(p.Value).Rows).ToList();
        TableFile.Write(Path.Combine(folder, MergedFile), columns, rows);
    }

    private static void CopyTree(string from, string to)
    {
        if (!Directory.Exists(from))
            return;
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: false);
        }
    }

    private static Diagnostic Located(string file, string message) => Diagnostic.Error(new SourceLocation(file, 0, 0), string.Empty, message);

    private static InvalidInputException Problem(string file, string message) => new(Located(file, message));
}
