using OpenG2G.Testing;

namespace OpenG2G.Scenarios.Tests.Support;

/// <summary>A scenario file in a fresh temporary folder; paths in the text may use {repo} for the repository root.</summary>
public sealed class TempScenario : IDisposable
{
    public TempScenario(string yaml, string fileName = "scenario.yaml")
    {
        Directory = Path.Combine(Path.GetTempPath(), "openg2g-scenario-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        FilePath = Path.Combine(Directory, fileName);
        File.WriteAllText(FilePath, yaml.Replace("{repo}", Repo.Root, StringComparison.Ordinal));
    }

    public string Directory { get; }

    public string FilePath { get; }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>Places in the repository the tests use.</summary>
public static class Repo
{
    public static string Root => SharedData.RepositoryRoot;

    public static string Ieee13Ofo => Path.Combine(Root, "scenarios", "ieee13", "ofo.yaml");

    public static string Traces => Path.Combine(Root, "traces");

    /// <summary>The sample plug-in as built alongside this test project (same configuration).</summary>
    public static string SamplePlugin => Path.Combine(Root, "samples", "CustomController", "bin", Configuration, "net10.0", "CustomController.dll");

    public static string SampleScenario => Path.Combine(Root, "samples", "CustomController", "example.yaml");

    private static string Configuration =>
        typeof(Repo).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
}
