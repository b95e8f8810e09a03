using System.Collections.Immutable;
using OpenG2G.Core.States;
using OpenG2G.Numerics.Qp;

namespace OpenG2G.Controllers.Mpc;

/// <summary>What an <see cref="MpcController"/> decided at its last step, for inspection (tests, notebooks, benchmarks).</summary>
/// <param name="Status">Status of the last QP (null before the first solve).</param>
/// <param name="Iterations">ADMM iterations of the last QP.</param>
/// <param name="Fallbacks">Steps of this run whose QP gave no usable solution (the previous plan was held).</param>
/// <param name="Log2BatchPlan">Per controlled model (targets in order, models in site order): planned log2(batch) for each horizon step.</param>
/// <param name="CapPlanW">Per capped training job: planned GPU power cap (W) for each horizon step.</param>
/// <param name="LowerConstrained">Bus-phases that carried a lower-limit constraint.</param>
/// <param name="UpperConstrained">Bus-phases that carried an upper-limit constraint.</param>
/// <param name="Variables">QP size: variables.</param>
/// <param name="Constraints">QP size: constraint rows.</param>
public sealed record MpcSnapshot(
    QpStatus? Status,
    int Iterations,
    int Fallbacks,
    ImmutableArray<ImmutableArray<double>> Log2BatchPlan,
    ImmutableArray<ImmutableArray<double>> CapPlanW,
    ImmutableArray<BusPhase> LowerConstrained,
    ImmutableArray<BusPhase> UpperConstrained,
    int Variables,
    int Constraints);
