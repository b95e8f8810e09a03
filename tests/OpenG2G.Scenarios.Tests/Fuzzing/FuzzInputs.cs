using OpenG2G.Scenarios.Tests.Support;

namespace OpenG2G.Scenarios.Tests.Fuzzing;

/// <summary>The shipped inputs the fuzzer mutates: every scenario of <c>scenarios/</c> and every feeder of <c>grids/</c>.</summary>
public static class FuzzInputs
{
    /// <summary>Scenario texts, their relative paths made absolute so that a copy in a temporary folder resolves them.</summary>
    public static IReadOnlyList<(string Name, string Text)> Scenarios { get; } =
        Directory.GetFiles(Path.Combine(Repo.Root, "scenarios"), "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(Repo.Root, f), File.ReadAllText(f).Replace("../../", Repo.Root + "/", StringComparison.Ordinal)))
            .ToList();

    /// <summary>Feeder files; ieee123 redirects to its line codes, which the fuzzer copies beside a mutated copy (and mutates too).</summary>
    public static IReadOnlyList<(string Name, string Text)> Feeders { get; } =
        Directory.GetFiles(Path.Combine(Repo.Root, "grids"), "*.dss", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(Repo.Root, f), File.ReadAllText(f)))
            .ToList();
}
