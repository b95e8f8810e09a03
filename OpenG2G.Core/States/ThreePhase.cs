namespace OpenG2G.Core.States;

/// <summary>A value per phase A, B, C (units given by the name of the property holding it).</summary>
public readonly record struct ThreePhase(double A, double B, double C)
{
    public static readonly ThreePhase Zero = new(0, 0, 0);

    /// <summary>A + B + C.</summary>
    public double Total => A + B + C;

    /// <summary>The value of phase <paramref name="index"/> (0 = A, 1 = B, 2 = C).</summary>
    public double this[int index] => index switch
    {
        0 => A,
        1 => B,
        2 => C,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "phase index must be 0, 1 or 2"),
    };

    /// <summary>The same value on every phase.</summary>
    public static ThreePhase Uniform(double value) => new(value, value, value);

    public static ThreePhase operator +(ThreePhase x, ThreePhase y) => new(x.A + y.A, x.B + y.B, x.C + y.C);
    public static ThreePhase operator -(ThreePhase x, ThreePhase y) => new(x.A - y.A, x.B - y.B, x.C - y.C);
    public static ThreePhase operator *(ThreePhase x, double k) => new(x.A * k, x.B * k, x.C * k);
    public static ThreePhase operator *(double k, ThreePhase x) => x * k;
}
