using System.Collections.Immutable;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.Capabilities;

/// <summary>What a grid knows is coming at <see cref="First"/> + k <see cref="Step"/>, k = 0 .. count - 1.</summary>
/// <param name="Grid">Grid name.</param>
/// <param name="From">The instant the forecast was made.</param>
/// <param name="First">First forecast instant.</param>
/// <param name="Step">Spacing of the forecast instants.</param>
/// <param name="Attachments">Profile-driven attachments (PV, loads), in the grid's order.</param>
/// <param name="TapChanges">Tap moves the grid has scheduled itself, in time order.</param>
public sealed record GridForecast(
    string Grid,
    SimTime From,
    SimTime First,
    TimeSpan Step,
    ImmutableArray<AttachmentForecast> Attachments,
    ImmutableArray<TapChangeForecast> TapChanges);
