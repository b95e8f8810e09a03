namespace OpenG2G.Core.Capabilities;

/// <summary>A fitted curve's value and its derivative with respect to the curve's argument.</summary>
public readonly record struct CurvePoint(double Value, double Derivative);
