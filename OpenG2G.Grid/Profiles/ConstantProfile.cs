namespace OpenG2G.Grid.Profiles;

/// <summary>The same multiplier at every time.</summary>
public sealed record ConstantProfile(double Value) : IProfile
{
    public double ValueAt(double timeS) => Value;
}
