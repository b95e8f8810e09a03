using System.Collections.Immutable;

namespace OpenG2G.Core.Commands;

/// <summary>
/// Set regulator taps: tap ratio (per unit of winding 2) by regulator name, where the name is a
/// RegControl's or its transformer's. Regulators not named keep their taps.
/// </summary>
public sealed record SetTaps(string Target, ImmutableDictionary<string, double> TapRatios) : GridCommand(Target);

/// <summary>
/// Set a battery's power: positive <paramref name="PowerKw"/> charges (draws from the feeder),
/// negative discharges; reactive power likewise. Limited by the battery's ratings and state of charge.
/// </summary>
public sealed record SetBatteryPower(string Target, string Battery, double PowerKw, double ReactivePowerKvar) : GridCommand(Target);
