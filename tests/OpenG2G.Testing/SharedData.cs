namespace OpenG2G.Testing;

/// <summary>
/// Locates the read-only shared material (<c>../shared</c> next to the repository: reference
/// feeders, OpenDSS solutions, measured GPU data). A user's clone does not have it, so tests that
/// need it are skipped there with a reason; under CI (<c>CI=true</c>) its absence is an error.
/// <c>OPENG2G_SHARED</c> overrides the location.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>True when the shared folder was found.</summary>
    public static bool Available => Root.Value is not null;

    /// <summary>Why tests needing the shared folder are skipped.</summary>
    public const string SkipReason =
        "../shared (reference feeders, OpenDSS solutions, measured data) is not next to this clone; " +
        "set OPENG2G_SHARED to its path to run this test";

    /// <summary>Absolute path of <paramref name="relative"/> inside the shared folder; throws when absent.</summary>
    public static string PathOf(string relative)
    {
        string root = Root.Value ?? throw new InvalidOperationException(SkipReason);
        return System.IO.Path.Combine(root, relative);
    }

    /// <summary>The repository root (the folder holding OpenG2G.sln).</summary>
    public static string RepositoryRoot => RepoRoot.Value;

    private static readonly Lazy<string> RepoRoot = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "OpenG2G.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find OpenG2G.sln above " + AppContext.BaseDirectory);
    });

    private static string? Find()
    {
        string? env = Environment.GetEnvironmentVariable("OPENG2G_SHARED");
        string candidate = !string.IsNullOrEmpty(env)
            ? env
            : System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot.Value, "..", "shared"));
        if (Directory.Exists(System.IO.Path.Combine(candidate, "feeders")))
            return candidate;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"CI=true but the shared folder is missing at {candidate}; CI must run the reference tests");
        return null;
    }
}
