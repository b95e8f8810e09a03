using System.Collections.Immutable;
using OpenG2G.Core.States;

namespace OpenG2G.Grid.PowerFlow;

/// <summary>
/// One converged power-flow solution mapped back to names: per node (bus-phase) the voltage
/// magnitude in per unit of the bus's line-to-neutral base and in volts, and the angle in degrees;
/// source power, losses, iterations and regulator taps.
/// </summary>
public sealed record PowerFlowResult
{
    public required BusPhaseIndex Nodes { get; init; }
    public required ImmutableArray<double> VoltagePu { get; init; }
    public required ImmutableArray<double> VoltageVolts { get; init; }
    public required ImmutableArray<double> AngleDeg { get; init; }

    /// <summary>Power-flow iterations (summed over control iterations).</summary>
    public int Iterations { get; init; }

    /// <summary>Control iterations (solves) in static regulator mode; 1 otherwise.</summary>
    public int ControlIterations { get; init; }

    public double SourcePowerKw { get; init; }
    public double SourceReactivePowerKvar { get; init; }
    /// <summary>Losses as OpenDSS reports them: lines, transformers and series elements; shunt capacitors and reactors excluded.</summary>
    public double LossesKw { get; init; }

    /// <summary>Reactive losses of the same elements (line charging makes it negative on long lightly loaded feeders).</summary>
    public double LossesKvar { get; init; }

    /// <summary>Real power into shunt capacitors and shunt reactors, kW.</summary>
    public double ShuntKw { get; init; }

    /// <summary>Reactive power into shunt capacitors and shunt reactors, kvar (capacitor output is negative).</summary>
    public double ShuntKvar { get; init; }
    public ImmutableArray<TapState> Taps { get; init; } = ImmutableArray<TapState>.Empty;
}
