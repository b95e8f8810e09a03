using OpenG2G.Testing;

namespace OpenG2G.Learning.Tests.Support;

/// <summary>Shipped files the tests run.</summary>
internal static class Repo
{
    public static string Path(string relative) => System.IO.Path.Combine(SharedData.RepositoryRoot, relative);

    public static string Ieee13Baseline => Path("scenarios/ieee13/baseline.yaml");

    public static string Ieee13Rl => Path("scenarios/ieee13/rl.yaml");
}
