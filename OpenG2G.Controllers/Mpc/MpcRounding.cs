using System.Collections.Immutable;

namespace OpenG2G.Controllers.Mpc;

/// <summary>
/// The MPC's rounding rule from its relaxed log2(batch) to a feasible batch: the feasible size
/// nearest in log2 (the variable the QP optimises), a tie going to the smaller; but while the plan's
/// first step has a lower voltage limit active (a constrained bus-phase predicted at or under
/// v_min + margin), the largest feasible size at or below 2^x, and while only an upper limit is
/// active the smallest at or above it, so that rounding never adds power where the plan has no room
/// for it (or removes it where the upper limit needs it). A size whose log2 exceeds the ITL ceiling
/// (the largest log2(batch) the deadline allows) is never chosen while a smaller one exists. A
/// value within <see cref="SnapLog2"/> of a feasible size's log2 is that size: the QP meets its
/// bounds only to its tolerance, and a plan at a bound must not be rounded past it.
/// </summary>
internal static class MpcRounding
{
    /// <summary>Distance in log2 within which a relaxed value counts as the feasible size itself.</summary>
    public const double SnapLog2 = 0.05;

    public static int Round(ImmutableArray<int> sizes, double log2Batch, double log2Ceiling, bool lowerActive, bool upperActive)
    {
        int rounded = RoundFree(sizes, log2Batch, lowerActive, upperActive);
        for (int s = sizes.IndexOf(rounded); s > 0 && Math.Log2(sizes[s]) > log2Ceiling + 1e-12; s--)
            rounded = sizes[s - 1];
        return rounded;
    }

    private static int RoundFree(ImmutableArray<int> sizes, double log2Batch, bool lowerActive, bool upperActive)
    {
        foreach (int size in sizes)
        {
            if (Math.Abs(Math.Log2(size) - log2Batch) <= SnapLog2)
                return size;
        }
        int below = sizes[0], above = sizes[^1];
        if (log2Batch <= Math.Log2(below))
            return below;
        if (log2Batch >= Math.Log2(above))
            return above;
        for (int s = 1; s < sizes.Length; s++)
        {
            if (Math.Log2(sizes[s]) >= log2Batch)
            {
                above = sizes[s];
                below = sizes[s - 1];
                break;
            }
        }
        if (lowerActive)
            return below;
        if (upperActive)
            return above;
        return log2Batch - Math.Log2(below) <= Math.Log2(above) - log2Batch ? below : above;
    }
}
