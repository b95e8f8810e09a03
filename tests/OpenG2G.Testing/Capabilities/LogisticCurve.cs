using OpenG2G.Core.Capabilities;

namespace OpenG2G.Testing.Capabilities;

/// <summary>
/// y(x) = <see cref="Floor"/> + <see cref="Height"/> / (1 + exp(-<see cref="Slope"/> (x - <see cref="Midpoint"/>))),
/// the four-parameter logistic the trace library fits against x = log2(batch). Test fake.
/// </summary>
public readonly record struct LogisticCurve(double Height, double Slope, double Midpoint, double Floor)
{
    /// <summary>Value and derivative dy/dx at <paramref name="x"/>.</summary>
    public CurvePoint At(double x)
    {
        double s = 1.0 / (1.0 + Math.Exp(-Slope * (x - Midpoint)));
        return new CurvePoint(Floor + Height * s, Height * Slope * s * (1.0 - s));
    }
}
