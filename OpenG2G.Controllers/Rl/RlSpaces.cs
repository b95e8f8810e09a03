using System.Collections.Immutable;
using System.Globalization;

namespace OpenG2G.Controllers.Rl;

/// <summary>
/// A box of float32 values, one per named dimension, with bounds (infinite where unbounded). Shape is
/// [<see cref="Names"/>.Length].
/// </summary>
public sealed record BoxSpace(ImmutableArray<string> Names, ImmutableArray<float> Low, ImmutableArray<float> High)
{
    public int Size => Names.Length;
}

/// <summary>
/// One discrete choice per named dimension: dimension i takes an int32 value in [0, <see cref="Sizes"/>[i]).
/// </summary>
public sealed record MultiDiscreteSpace(ImmutableArray<string> Names, ImmutableArray<int> Sizes)
{
    public int Size => Names.Length;

    /// <summary>Sum of the sizes: the number of logits a policy outputs (one block per dimension).</summary>
    public int LogitCount
    {
        get
        {
            int n = 0;
            foreach (int s in Sizes)
                n += s;
            return n;
        }
    }
}

/// <summary>
/// What a policy reads and writes: the observation box and the multi-discrete action. Plain data (names,
/// bounds, sizes) so that other tools can read it from a policy file or an environment server.
/// </summary>
public sealed record RlSpaces(BoxSpace Observation, MultiDiscreteSpace Action)
{
    /// <summary>
    /// Null when <paramref name="actual"/> is the space <see cref="RlSpaces"/> describes; otherwise which
    /// dimension differs first and how (a count, a name at an index, an action size).
    /// </summary>
    public string? FirstDifference(RlSpaces actual)
    {
        return Compare("observation", Observation.Names, actual.Observation.Names)
            ?? Compare("action", Action.Names, actual.Action.Names)
            ?? CompareSizes(actual.Action);
    }

    private static string? Compare(string what, ImmutableArray<string> expected, ImmutableArray<string> actual)
    {
        int n = Math.Min(expected.Length, actual.Length);
        for (int i = 0; i < n; i++)
        {
            if (!string.Equals(expected[i], actual[i], StringComparison.Ordinal))
                return string.Create(CultureInfo.InvariantCulture, $"{what} dimension {i} is '{expected[i]}' for the policy but '{actual[i]}' in the scenario");
        }
        if (expected.Length != actual.Length)
        {
            string extra = expected.Length > actual.Length
                ? $"the policy's dimension {n} '{expected[n]}' is missing from the scenario"
                : $"the scenario's dimension {n} '{actual[n]}' is unknown to the policy";
            return string.Create(CultureInfo.InvariantCulture, $"the policy expects {expected.Length} {what} dimensions, the scenario has {actual.Length}: {extra}");
        }
        return null;
    }

    private string? CompareSizes(MultiDiscreteSpace actual)
    {
        for (int i = 0; i < Action.Size; i++)
        {
            if (Action.Sizes[i] != actual.Sizes[i])
                return string.Create(CultureInfo.InvariantCulture, $"action dimension {i} '{Action.Names[i]}' has {Action.Sizes[i]} choices for the policy but {actual.Sizes[i]} in the scenario");
        }
        return null;
    }
}
