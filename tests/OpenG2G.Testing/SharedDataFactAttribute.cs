using Xunit;

namespace OpenG2G.Testing;

/// <summary>A fact that needs <c>../shared</c>; skipped with a reason when it is absent (never under CI).</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (!SharedData.Available)
            Skip = SharedData.SkipReason;
    }
}

/// <summary>A theory that needs <c>../shared</c>; skipped with a reason when it is absent (never under CI).</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (!SharedData.Available)
            Skip = SharedData.SkipReason;
    }
}
