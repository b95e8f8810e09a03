using OpenG2G.Grid.Der;
using OpenG2G.Grid.Profiles;

namespace OpenG2G.Grid.Components;

/// <summary>
/// An attachment as the grid component drives and reports it: kind, bus, its load branches (one per
/// phase) and what sets its power: a datacenter's samples, a load's profile, or a DER unit (a PVSystem
/// whose irradiance follows a profile, a Storage commanded by SetBatteryPower, or a DSS-defined DER).
/// </summary>
internal sealed class AttachmentSlot
{
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public required string Bus { get; init; }
    public required int[] Branches { get; init; }

    /// <summary>Reactive power per unit real power (tan of the power-factor angle) of datacenters and loads.</summary>
    public double ReactiveRatio { get; init; }

    /// <summary>Peak kW per phase times the profile gives a load's power.</summary>
    public double PeakKwPerPhase { get; init; }

    /// <summary>A load's power multiplier, or a scenario PV system's irradiance.</summary>
    public IProfile? Profile { get; init; }

    /// <summary>The PVSystem, Storage or Generator behind this slot, or null for datacenters and loads.</summary>
    public DerUnit? Der { get; init; }

    /// <summary>A battery command received since the last step (kW discharged, kvar supplied), applied at the next one.</summary>
    public (double DischargeKw, double KvarSupplied)? PendingCommand { get; set; }
}
