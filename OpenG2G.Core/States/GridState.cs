using System.Collections.Immutable;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.States;

/// <summary>
/// One grid snapshot (one power-flow solution) as seen by controllers, metrics and outputs.
/// </summary>
public sealed record GridState
{
    /// <summary>The instant of the snapshot.</summary>
    public required SimTime Time { get; init; }

    /// <summary>Ordering of <see cref="VoltagePu"/> and <see cref="VoltageAngleDeg"/>; same object for every snapshot of a run.</summary>
    public required BusPhaseIndex Nodes { get; init; }

    /// <summary>Node-to-ground voltage magnitude per bus-phase in per unit of the bus's line-to-neutral base.</summary>
    public required ImmutableArray<double> VoltagePu { get; init; }

    /// <summary>Voltage angle per bus-phase in degrees.</summary>
    public required ImmutableArray<double> VoltageAngleDeg { get; init; }

    /// <summary>Regulator tap ratios (per unit) by regulator name, in the feeder's order.</summary>
    public ImmutableArray<TapState> Taps { get; init; } = ImmutableArray<TapState>.Empty;

    /// <summary>Real power delivered by the source (substation) in kW.</summary>
    public double SourcePowerKw { get; init; }

    /// <summary>Reactive power delivered by the source in kvar.</summary>
    public double SourceReactivePowerKvar { get; init; }

    /// <summary>Total real losses of the feeder in kW.</summary>
    public double LossesKw { get; init; }

    /// <summary>Power at each attachment (datacenters, PV, external loads, batteries).</summary>
    public ImmutableArray<AttachmentState> Attachments { get; init; } = ImmutableArray<AttachmentState>.Empty;

    /// <summary>Power-flow iterations the solve took.</summary>
    public int Iterations { get; init; }

    /// <summary>Voltage of <paramref name="bus"/> phase <paramref name="phase"/> in pu, or NaN when the feeder has no such node.</summary>
    public double VoltageAt(string bus, int phase)
    {
        int i = Nodes.IndexOf(bus, phase);
        return i < 0 ? double.NaN : VoltagePu[i];
    }
}

/// <summary>A regulator's tap ratio in per unit (1 + 0.00625 per step for standard regulators).</summary>
public readonly record struct TapState(string Regulator, double TapRatio, int TapStep);

/// <summary>
/// Power drawn by one attachment in one snapshot. Positive is consumption; PV and discharging
/// batteries are negative.
/// </summary>
/// <param name="Name">Attachment name from the scenario.</param>
/// <param name="Kind">datacenter, pv, load or battery.</param>
/// <param name="Bus">Bus it connects to.</param>
/// <param name="PowerKw">Real power per phase in kW.</param>
/// <param name="ReactivePowerKvar">Reactive power per phase in kvar.</param>
/// <param name="StateOfChargeFraction">Battery state of charge in [0, 1]; NaN for other kinds.</param>
public readonly record struct AttachmentState(
    string Name,
    string Kind,
    string Bus,
    ThreePhase PowerKw,
    ThreePhase ReactivePowerKvar,
    double StateOfChargeFraction);
