using System.Collections.Immutable;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.States;

/// <summary>
/// One datacenter step: the power the site draws per phase and what each served model did.
/// </summary>
/// <param name="Time">The instant of the step.</param>
/// <param name="Datacenter">Component name of the datacenter (its site name in the scenario).</param>
/// <param name="PowerW">Total real power per phase in watts (inference, training, base load, idle, overhead).</param>
/// <param name="Models">One entry per served model, in scenario order.</param>
/// <param name="TrainingPowerW">Real power of training jobs in watts (all phases), part of <paramref name="PowerW"/>.</param>
public sealed record DatacenterState(
    SimTime Time,
    string Datacenter,
    ThreePhase PowerW,
    ImmutableArray<ModelState> Models,
    double TrainingPowerW = 0.0)
{
    /// <summary>One entry per training job of the site, running or not, in scenario order (empty for sites without training).</summary>
    public ImmutableArray<TrainingJobState> Training { get; init; } = ImmutableArray<TrainingJobState>.Empty;
}
