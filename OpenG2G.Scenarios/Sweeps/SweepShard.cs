using System.Globalization;
using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Scenarios.Sweeps;

/// <summary>
/// Which part of a sweep a process runs: work item i belongs to shard <c>i mod Count</c>. <c>--shard K/N</c> names it;
/// <c>--shard auto/N</c> takes K from the cluster scheduler: Slurm job arrays (<c>SLURM_ARRAY_TASK_ID</c> minus
/// <c>SLURM_ARRAY_TASK_MIN</c>, checked against <c>SLURM_ARRAY_TASK_COUNT</c>) or Kubernetes Indexed Jobs
/// (<c>JOB_COMPLETION_INDEX</c>).
/// </summary>
public readonly record struct SweepShard(int Index, int Count)
{
    public static SweepShard Whole => new(0, 1);

    public bool Owns(int workItem) => workItem % Count == Index;

    public override string ToString() => Index.ToString(CultureInfo.InvariantCulture) + "/" + Count.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parse <c>K/N</c> or <c>auto/N</c> (reading <paramref name="environment"/>); throws <see cref="InvalidInputException"/> saying what is wrong.</summary>
    public static SweepShard Parse(string text, Func<string, string?> environment)
    {
        string[] parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1)
            throw Bad(text, "expected K/N or auto/N with N >= 1, e.g. 0/4 or auto/4");
        if (parts[0] != "auto")
        {
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index >= count)
                throw Bad(text, $"K must be a whole number from 0 to {count - 1}");
            return new SweepShard(index, count);
        }
        if (environment("SLURM_ARRAY_TASK_ID") is { } slurm)
        {
            int id = Int(slurm, "SLURM_ARRAY_TASK_ID", text);
            int min = environment("SLURM_ARRAY_TASK_MIN") is { } m ? Int(m, "SLURM_ARRAY_TASK_MIN", text) : 0;
            if (environment("SLURM_ARRAY_TASK_COUNT") is { } c && Int(c, "SLURM_ARRAY_TASK_COUNT", text) != count)
                throw Bad(text, $"the Slurm job array has {c} tasks but the shard count is {count}; submit with --array=0-{count - 1}");
            return Checked(id - min, count, text, "SLURM_ARRAY_TASK_ID");
        }
        if (environment("JOB_COMPLETION_INDEX") is { } k8s)
            return Checked(Int(k8s, "JOB_COMPLETION_INDEX", text), count, text, "JOB_COMPLETION_INDEX");
        throw Bad(text, "auto needs SLURM_ARRAY_TASK_ID (a Slurm job array) or JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) in the environment; neither is set");
    }

    private static SweepShard Checked(int index, int count, string text, string variable) =>
        index >= 0 && index < count ? new SweepShard(index, count) : throw Bad(text, $"{variable} gives shard {index}, outside 0..{count - 1}");

    private static int Int(string value, string variable, string text) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : throw Bad(text, $"{variable} is '{value}', not a whole number");

    private static InvalidInputException Bad(string text, string message) =>
        new(Diagnostic.Error(new SourceLocation("--shard " + text, 0, 0), string.Empty, message));
}
