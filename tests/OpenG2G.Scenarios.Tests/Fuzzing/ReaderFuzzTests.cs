using System.Globalization;
using Xunit.Abstractions;

namespace OpenG2G.Scenarios.Tests.Fuzzing;

/// <summary>
/// Mutated shipped scenarios and feeders never crash a reader. CI runs 2,000 cases with a fixed seed;
/// the long run (documented in the README) sets <c>OPENG2G_FUZZ_CASES=200000</c>. <c>OPENG2G_FUZZ_SEED</c>
/// changes the seed. The counts are printed to the test output.
/// </summary>
public class ReaderFuzzTests(ITestOutputHelper output)
{
    public const int DefaultCases = 2000;
    public const int DefaultSeed = 12;

    [Fact]
    public void Mutated_scenarios_and_feeders_give_a_result_or_diagnostics_never_a_crash()
    {
        int cases = Setting("OPENG2G_FUZZ_CASES", DefaultCases);
        int seed = Setting("OPENG2G_FUZZ_SEED", DefaultSeed);
        string work = Directory.CreateTempSubdirectory("openg2g-fuzz-").FullName;

        ReaderFuzzer.Report r = new ReaderFuzzer(seed, work).Run(cases);

        string counts = string.Create(CultureInfo.InvariantCulture,
            $"fuzz seed {seed}: {r.Cases} cases, {r.Results} results, {r.Diagnostics} diagnostics, {r.SolveFailures} solve failures, {r.Crashes.Count} crashes, {r.Elapsed.TotalSeconds:F0} s");
        output.WriteLine(counts);
        Console.WriteLine(counts);
        Assert.True(r.Crashes.Count == 0,
            counts + "\n" + string.Join("\n\n", r.Crashes.Take(5).Select(c => $"case {c.Case}: {c.Input} ({c.Mutation}), saved as {c.SavedAs}\n{c.Outcome}")));
        Assert.Equal(cases, r.Cases);
        Assert.True(r.Results > 0 && r.Diagnostics > 0, "the mutations should give both valid and invalid inputs: " + counts);
        Directory.Delete(work, recursive: true);
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v > 0 ? v : fallback;
}
