using OpenG2G.Core.Commands;
using OpenG2G.Core.States;

namespace OpenG2G.Controllers.Pid;

/// <summary>
/// Turns a datacenter power adjustment (kW, relative to a reference operating point) into commands,
/// through the datacenter's fitted curves.
/// </summary>
internal interface IPowerActuator
{
    /// <summary>Lowest adjustment (kW) reachable with the replicas of the last observed state.</summary>
    double LowKw { get; }

    /// <summary>Highest adjustment (kW) reachable.</summary>
    double HighKw { get; }

    /// <summary>Take in the datacenter's latest state (replicas, knobs in force) and update the reachable range.</summary>
    void Observe(DatacenterState state);

    /// <summary>Command the knob setting whose fitted power is the reference plus <paramref name="adjustmentKw"/>.</summary>
    void Apply(double adjustmentKw, DatacenterState state, List<Command> commands);

    void Reset();
}
