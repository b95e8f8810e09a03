using System.Collections.Immutable;
using OpenG2G.Controllers.Rl;
using OpenG2G.Core.Randomness;
using OpenG2G.Numerics.Networks;

namespace OpenG2G.Learning.Tests.Support;

/// <summary>Policy files with random weights, for tests that need a policy that acts but not a trained one.</summary>
internal static class TestPolicies
{
    public static PolicyFile Random(RlSpaces spaces, ObservationOptions observation, ulong seed, int hidden = 16)
    {
        var sizes = ImmutableArray.Create(spaces.Observation.Size, hidden, spaces.Action.LogitCount);
        var net = new Mlp(sizes);
        var random = new SimRandom(seed);
        net.Initialise(random.NextGaussian, Math.Sqrt(2), 3.0);
        // Centre voltages near 1 pu and other features near their usual values, so the logits vary with the state.
        var mean = spaces.Observation.Names.Select(n => n.StartsWith("v:", StringComparison.Ordinal) || n.Contains("voltage", StringComparison.Ordinal) ? 1f : 0f).ToImmutableArray();
        var std = spaces.Observation.Names.Select(n => n.StartsWith("v:", StringComparison.Ordinal) || n.Contains("voltage", StringComparison.Ordinal) ? 0.01f : 1f).ToImmutableArray();
        return new PolicyFile(observation, spaces, mean, std, 10f, sizes, net.Parameters.ToImmutableArray(),
            ImmutableSortedDictionary<string, string>.Empty.Add("made_by", "tests: random weights"));
    }
}
