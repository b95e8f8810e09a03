using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Controllers.Mpc;

/// <summary>What one MPC step's prediction is computed from.</summary>
/// <param name="Now">The controller step's instant.</param>
/// <param name="Delay">Command delay of the prediction model.</param>
/// <param name="Period">Controller period (one horizon step).</param>
/// <param name="Options">The controller's options.</param>
/// <param name="Grid">The latest grid snapshot (voltages now).</param>
/// <param name="Watched">Positions of the counted bus-phases in <paramref name="Grid"/>.</param>
/// <param name="AttachmentOffsetsPu">Voltage effect of announced PV and load changes, <c>[node * N + k]</c>.</param>
/// <param name="Plan">The previous step's plan (null at the first step or after a restart).</param>
/// <param name="ReferenceThroughput">Throughput normaliser of the reward, tokens/s.</param>
/// <param name="UseForecasts">Whether announced events enter the prediction.</param>
internal sealed record MpcStepInputs(
    SimTime Now,
    TimeSpan Delay,
    TimeSpan Period,
    MpcOptions Options,
    GridState Grid,
    int[] Watched,
    double[] AttachmentOffsetsPu,
    MpcPlan? Plan,
    double ReferenceThroughput,
    bool UseForecasts);
