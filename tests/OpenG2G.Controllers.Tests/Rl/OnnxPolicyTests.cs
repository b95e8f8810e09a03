using System.Collections.Immutable;
using OpenG2G.Controllers.Rl;

namespace OpenG2G.Controllers.Tests.Rl;

public class OnnxPolicyTests
{
    private static readonly RlSpaces Spaces = new(
        new BoxSpace(["a", "b", "c", "d"], [0f, 0f, 0f, 0f], [1f, 1f, 1f, 1f]),
        new MultiDiscreteSpace(["m1", "m2"], [3, 3]));

    private static readonly float[] W = Enumerable.Range(0, 4 * 6).Select(i => (float)Math.Sin(i * 1.7)).ToArray();
    private static readonly float[] B = [0.1f, -0.2f, 0.3f, 0f, 0.05f, -0.1f];

    private static string Write(byte[] model)
    {
        string path = Path.Combine(Path.GetTempPath(), "openg2g-onnx-" + Guid.NewGuid().ToString("N") + ".onnx");
        File.WriteAllBytes(path, model);
        return path;
    }

    /// <summary>The greedy action of the linear policy, by hand.</summary>
    private static int[] Expected(float[] obs)
    {
        var z = new double[6];
        for (int j = 0; j < 6; j++)
        {
            z[j] = B[j];
            for (int i = 0; i < 4; i++)
                z[j] += obs[i] * W[i * 6 + j];
        }
        return [Array.IndexOf(z, z.Take(3).Max()), Array.IndexOf(z, z.Skip(3).Max()) - 3];
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_linear_onnx_policy_acts_as_its_logits_say_whether_it_outputs_logits_or_actions(bool actions)
    {
        string path = Write(OnnxModelBuilder.Linear(4, 6, W, B, actions ? 2 : null));
        using var policy = new OnnxPolicy(path);
        Assert.Null(policy.Mismatch(Spaces));
        var random = new Random(4);
        var action = new int[2];
        for (int k = 0; k < 50; k++)
        {
            float[] obs = Enumerable.Range(0, 4).Select(_ => (float)random.NextDouble()).ToArray();
            policy.Act(obs, action, sampler: null);
            Assert.Equal(Expected(obs), action);
        }
        File.Delete(path);
    }

    [Fact]
    public void An_onnx_policy_of_the_wrong_size_or_with_other_names_is_refused_saying_which()
    {
        string path = Write(OnnxModelBuilder.Linear(4, 6, W, B));
        using var policy = new OnnxPolicy(path);
        var fiveObs = Spaces with { Observation = new BoxSpace(["a", "b", "c", "d", "e"], [0f, 0f, 0f, 0f, 0f], [1f, 1f, 1f, 1f, 1f]) };
        Assert.Equal("the ONNX policy's input has 4 observation values, the scenario's observation has 5", policy.Mismatch(fiveObs));
        var threeModels = Spaces with { Action = new MultiDiscreteSpace(["m1", "m2", "m3"], [3, 3, 3]) };
        Assert.Equal("the ONNX policy outputs 6 logits, the scenario's actions need 9 (sizes [3, 3, 3])", policy.Mismatch(threeModels));

        const string json = """{"spaces": {"observation": {"names": ["a", "b", "x", "d"], "low": [0, 0, 0, 0], "high": [1, 1, 1, 1]}, "action": {"names": ["m1", "m2"], "sizes": [3, 3]}}}""";
        string named = Write(OnnxModelBuilder.Linear(4, 6, W, B, spacesJson: json));
        using var withNames = new OnnxPolicy(named);
        Assert.Equal("observation dimension 2 is 'x' for the policy but 'c' in the scenario", withNames.Mismatch(Spaces));
        File.Delete(path);
        File.Delete(named);
    }

    [Fact]
    public void A_file_that_is_not_onnx_is_an_argument_error_naming_it()
    {
        string path = Write("not a model"u8.ToArray());
        ArgumentException e = Assert.Throws<ArgumentException>(() => new OnnxPolicy(path));
        Assert.StartsWith($"policy: {Path.GetFileName(path)} is not a loadable ONNX model", e.Message);
        File.Delete(path);
    }
}
