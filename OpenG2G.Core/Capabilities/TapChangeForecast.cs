using OpenG2G.Core.Time;

namespace OpenG2G.Core.Capabilities;

/// <summary>One tap step a regulator will make.</summary>
/// <param name="Regulator">RegControl name.</param>
/// <param name="At">Instant of the move.</param>
/// <param name="StepChange">+1 (raise) or -1 (lower) tap steps.</param>
public sealed record TapChangeForecast(string Regulator, SimTime At, int StepChange);
