namespace OpenG2G.Datacenter.Traces;

/// <summary>
/// Finds the trace library a run uses when none is named: <c>OPENG2G_TRACES</c> if set, else the
/// first <c>traces/</c> folder holding an <c>index.json</c> found walking up from the current
/// directory, then from the application's directory.
/// </summary>
public static class TraceLibraryLocator
{
    public const string EnvironmentVariable = "OPENG2G_TRACES";

    /// <summary>The library folder, or null when none is found.</summary>
    public static string? Find()
    {
        string? env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(env))
            return Path.GetFullPath(env);
        return WalkUp(Directory.GetCurrentDirectory()) ?? WalkUp(AppContext.BaseDirectory);
    }

    private static string? WalkUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "traces");
            if (File.Exists(Path.Combine(candidate, TraceLibraryFiles.Index)))
                return candidate;
        }
        return null;
    }
}
