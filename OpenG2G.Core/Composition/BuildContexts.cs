using System.Collections.Immutable;

namespace OpenG2G.Core.Composition;

/// <summary>What a datacenter factory receives besides its options.</summary>
/// <param name="Name">Component name (the site name in the scenario).</param>
/// <param name="Period">Step period.</param>
/// <param name="BaseDirectory">Directory relative paths in the options are resolved against (the scenario file's).</param>
/// <param name="TraceLibraryDirectory">The trace library to read (the repository's <c>traces/</c> unless the scenario names another).</param>
public sealed record DatacenterBuildContext(string Name, TimeSpan Period, string BaseDirectory, string TraceLibraryDirectory);

/// <summary>What a grid factory receives besides its options.</summary>
/// <param name="Name">Component name (usually <c>grid</c>).</param>
/// <param name="Period">Step (solve) period.</param>
/// <param name="BaseDirectory">Directory relative paths in the options are resolved against (the scenario file's).</param>
/// <param name="Datacenters">Every datacenter of the scenario and where it connects.</param>
public sealed record GridBuildContext(string Name, TimeSpan Period, string BaseDirectory, ImmutableArray<DatacenterAttachment> Datacenters);
