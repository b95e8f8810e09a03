using System.Collections.Immutable;

namespace OpenG2G.Core.Capabilities;

/// <summary>A grid with batteries that accept <c>SetBatteryPower</c> commands.</summary>
public interface IBatteryFleet
{
    ImmutableArray<BatteryInfo> Batteries { get; }
}

/// <summary>A battery's ratings.</summary>
/// <param name="Name">Attachment name.</param>
/// <param name="Bus">Bus it connects to.</param>
/// <param name="RatedPowerKw">Maximum charge or discharge power in kW (all phases).</param>
/// <param name="RatedApparentPowerKva">Inverter rating in kVA (all phases).</param>
/// <param name="CapacityKwh">Usable energy capacity in kWh.</param>
public sealed record BatteryInfo(string Name, string Bus, double RatedPowerKw, double RatedApparentPowerKva, double CapacityKwh);
