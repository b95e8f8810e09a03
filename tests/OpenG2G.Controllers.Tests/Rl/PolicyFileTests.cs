using System.Collections.Immutable;
using OpenG2G.Controllers.Rl;
using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Controllers.Tests.Rl;

public class PolicyFileTests
{
    private static PolicyFile Sample() => new(
        new ObservationOptions { ItlRatioCap = 2.5 },
        new RlSpaces(
            new BoxSpace(["v:671.1", "violation_sum_pu"], [0f, 0f], [2f, float.PositiveInfinity]),
            new MultiDiscreteSpace(["dc/m"], [3])),
        [1f, 0.01f], [0.02f, 0.5f], 10f, [2, 4, 3],
        Enumerable.Range(0, 2 * 4 + 4 + 4 * 3 + 3).Select(i => i * 0.125f - 1f).ToImmutableArray(),
        ImmutableSortedDictionary<string, string>.Empty.Add("seed", "3"));

    private static string Temp(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), "openg2g-policy-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_policy_file_reads_back_as_written_and_writes_the_same_bytes_again()
    {
        string a = Temp(""), b = Temp("");
        Sample().Write(a);
        PolicyFile read = PolicyFile.Read(a);
        read.Write(b);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.Equal(Sample().Parameters.ToArray(), read.Parameters.ToArray());
        Assert.Equal(float.PositiveInfinity, read.Spaces.Observation.High[1]);
        Assert.Equal(2.5, read.Observation.ItlRatioCap);
        Assert.Contains("\"format\": \"openg2g-policy\"", File.ReadAllText(a));
        File.Delete(a);
        File.Delete(b);
    }

    [Fact]
    public void Broken_policy_files_are_reported_with_where_and_what()
    {
        string path = Temp("{\n  \"format\": \"openg2g-policy\",\n  \"version\": 1,\n  oops\n}");
        InvalidInputException e = Assert.Throws<InvalidInputException>(() => PolicyFile.Read(path));
        Assert.StartsWith($"{path}:4:3: a policy file is JSON:", e.Errors.Single().ToString());

        string good = Temp("");
        Sample().Write(good);
        string text = File.ReadAllText(good);
        File.WriteAllText(path, text.Replace("\"version\": 1", "\"version\": 7", StringComparison.Ordinal));
        e = Assert.Throws<InvalidInputException>(() => PolicyFile.Read(path));
        Assert.Equal($"policy: {Path.GetFileName(path)}: version: is 7; this openg2g reads version 1 policy files", e.Errors.Single().ToString());

        File.WriteAllText(path, text.Replace("\"sizes\": [\n      2,", "\"sizes\": [\n      5,", StringComparison.Ordinal));
        e = Assert.Throws<InvalidInputException>(() => PolicyFile.Read(path));
        Assert.Equal($"policy: {Path.GetFileName(path)}: network sizes [5, 4, 3] must start with the observation size 2 and end with the logit count 3", e.Errors.Single().ToString());
        File.Delete(path);
        File.Delete(good);
    }

    [Fact]
    public void Spaces_name_the_first_dimension_that_differs()
    {
        RlSpaces s = Sample().Spaces;
        Assert.Null(s.FirstDifference(s));
        var renamed = s with { Observation = s.Observation with { Names = ["v:671.2", "violation_sum_pu"] } };
        Assert.Equal("observation dimension 0 is 'v:671.1' for the policy but 'v:671.2' in the scenario", s.FirstDifference(renamed));
        var shorter = s with { Observation = s.Observation with { Names = ["v:671.1"] } };
        Assert.Equal("the policy expects 2 observation dimensions, the scenario has 1: the policy's dimension 1 'violation_sum_pu' is missing from the scenario", s.FirstDifference(shorter));
        var bigger = s with { Action = new MultiDiscreteSpace(["dc/m"], [5]) };
        Assert.Equal("action dimension 0 'dc/m' has 3 choices for the policy but 5 in the scenario", s.FirstDifference(bigger));
    }
}
