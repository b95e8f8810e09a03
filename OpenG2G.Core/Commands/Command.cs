namespace OpenG2G.Core.Commands;

/// <summary>
/// An instruction from a controller (or an external driver) to one component, routed by the
/// kernel to the component named <see cref="Target"/>. Components dispatch with a
/// <c>switch</c> whose default throws <see cref="NotSupportedException"/> naming both types.
/// </summary>
public abstract record Command(string Target);

/// <summary>A command for a datacenter component.</summary>
public abstract record DatacenterCommand(string Target) : Command(Target);

/// <summary>A command for the grid component.</summary>
public abstract record GridCommand(string Target) : Command(Target);
