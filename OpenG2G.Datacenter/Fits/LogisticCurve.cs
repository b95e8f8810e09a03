using OpenG2G.Core.Capabilities;

namespace OpenG2G.Datacenter.Fits;

/// <summary>
/// Four-parameter logistic <c>y = B0 + L / (1 + exp(-K (x - X0)))</c>; the library uses it with
/// x = log2(batch size). <c>dy/dx = L K e / (1 + e)²</c> with <c>e = exp(-K (x - X0))</c>.
/// </summary>
/// <param name="L">Span between the lower and upper plateau (units of y).</param>
/// <param name="X0">Midpoint (units of x).</param>
/// <param name="K">Steepness (1 / units of x).</param>
/// <param name="B0">Lower plateau when L K &gt; 0 (units of y).</param>
public sealed record LogisticCurve(double L, double X0, double K, double B0) : ICurve
{
    public CurvePoint Evaluate(double x)
    {
        double e = Math.Exp(-K * (x - X0));
        if (double.IsInfinity(e))
            return new CurvePoint(B0, 0.0);
        double d = 1.0 + e;
        return new CurvePoint(B0 + L / d, L * K * e / (d * d));
    }
}
