namespace OpenG2G.Cli.Tests.Cluster;

/// <summary>
/// What the real Slurm test needs: Linux, root (slurmd runs the jobs as root on localhost), munged, slurmctld and
/// slurmd from Debian's <c>munge</c> and <c>slurm-wlm</c>, and the client commands on PATH. A user's machine
/// usually lacks them, so the test is skipped there; <c>OPENG2G_REQUIRE_SLURM=1</c> (set by <c>.ci/run</c> after
/// installing the packages) turns a missing prerequisite into a failure, so CI cannot skip it silently.
/// </summary>
public static class SlurmPrerequisites
{
    public const string RequireVariable = "OPENG2G_REQUIRE_SLURM";

    public static readonly string[] Daemons = ["/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd"];

    public static readonly string[] Clients = ["sbatch", "sinfo", "squeue", "scancel"];

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Each missing prerequisite, in words; empty when the test can run.</summary>
    public static IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        if (!OperatingSystem.IsLinux())
            return ["Linux"];
        if (!IsRoot())
            missing.Add("root (the single-node cluster runs its daemons and jobs as root)");
        missing.AddRange(Daemons.Where(d => !File.Exists(d)));
        missing.AddRange(Clients.Where(c => ExternalProcess.OnPath(c) is null).Select(c => c + " on PATH"));
        return missing;
    }

    public static string Reason(IReadOnlyList<string> missing) =>
        $"needs {string.Join(", ", missing)}: as root, apt-get install slurm-wlm munge (Debian) to run it; " +
        $"CI installs them in .ci/run and sets {RequireVariable}=1, which makes this a failure instead of a skip";

    /// <summary>Effective user id 0, from <c>/proc/self/status</c> ("Uid: real effective saved fs").</summary>
    private static bool IsRoot()
    {
        string? uid = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        string[] ids = uid?.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries) ?? [];
        return ids.Length > 2 && ids[2] == "0";
    }
}
