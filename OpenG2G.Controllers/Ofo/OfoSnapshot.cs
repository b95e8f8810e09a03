using System.Collections.Immutable;
using OpenG2G.Core.States;

namespace OpenG2G.Controllers.Ofo;

/// <summary>
/// What an <see cref="OfoController"/> has learned so far, for inspection (tests, notebooks, RL
/// observations). Voltage duals are aligned with <see cref="Nodes"/>; excluded bus-phases stay zero.
/// </summary>
/// <param name="Nodes">Bus-phase ordering of the duals (empty before the first step).</param>
/// <param name="UnderVoltageDuals">lambda_under per bus-phase (>= 0).</param>
/// <param name="OverVoltageDuals">lambda_over per bus-phase (>= 0).</param>
/// <param name="Sites">Per controlled datacenter: its models' primal and latency-dual state.</param>
public sealed record OfoSnapshot(
    ImmutableArray<BusPhase> Nodes,
    ImmutableArray<double> UnderVoltageDuals,
    ImmutableArray<double> OverVoltageDuals,
    ImmutableArray<OfoSiteSnapshot> Sites);

/// <summary>One controlled datacenter's OFO state.</summary>
/// <param name="Datacenter">Datacenter name.</param>
/// <param name="Models">Per model in the datacenter's order.</param>
public sealed record OfoSiteSnapshot(string Datacenter, ImmutableArray<OfoModelSnapshot> Models);

/// <summary>One model's OFO state.</summary>
/// <param name="Model">Model label.</param>
/// <param name="Log2Batch">Continuous primal variable x = log2(batch) (NaN before the first step).</param>
/// <param name="LatencyDual">mu (>= 0), in gradient units per second of ITL excess.</param>
public sealed record OfoModelSnapshot(string Model, double Log2Batch, double LatencyDual);
