using OpenG2G.Scenarios.Results;

namespace OpenG2G.Scenarios.Running;

/// <summary>A finished run: where its files are and its summary.</summary>
public sealed record RunOutcome(string OutputDirectory, RunSummary Summary, IReadOnlyList<string> Files);
