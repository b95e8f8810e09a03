using OpenG2G.Core.Capabilities;

namespace OpenG2G.Datacenter.Fits;

/// <summary>A smooth function of one variable with its derivative (units given by its use).</summary>
public interface ICurve
{
    /// <summary>Value and derivative at <paramref name="x"/>.</summary>
    CurvePoint Evaluate(double x);
}
