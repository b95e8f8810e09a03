using OpenG2G.Grid.Profiles;

namespace OpenG2G.Grid.Components;

/// <summary>An attachment as the grid component drives it: kind, bus, its load branches (one per phase) and what sets its power.</summary>
internal sealed class AttachmentSlot
{
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public required string Bus { get; init; }
    public required int[] Branches { get; init; }

    /// <summary>Reactive power per unit real power (tan of the power-factor angle).</summary>
    public double ReactiveRatio { get; init; }

    /// <summary>Peak kW per phase times the profile gives the power (negative for PV).</summary>
    public double PeakKwPerPhase { get; init; }
    public IProfile? Profile { get; init; }
    public BatteryOptions? Battery { get; init; }

    /// <summary>Battery state: state of charge (fraction), setpoint and applied power per phase in kW / kvar.</summary>
    public double SocFraction;
    public double SetpointKw;
    public double SetpointKvar;
    public double AppliedKw;
    public double AppliedKvar;
}
