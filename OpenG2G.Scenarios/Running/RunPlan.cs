using OpenG2G.Scenarios.Loading;
using OpenG2G.Scenarios.Results;

namespace OpenG2G.Scenarios.Running;

/// <summary>A run about to start: what was built, what it will write and where (for headers and progress).</summary>
public sealed record RunPlan(BuiltScenario Built, OutputEstimate Outputs, string Directory, ulong Seed);
