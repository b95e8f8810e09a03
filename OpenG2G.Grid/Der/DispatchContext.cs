namespace OpenG2G.Grid.Der;

/// <summary>Circuit-wide multipliers a DER's output depends on: OpenDSS's LoadMult (for load-level dispatch) and GenMult.</summary>
public readonly record struct DispatchContext(double LoadMultiplier, double GeneratorMultiplier);
