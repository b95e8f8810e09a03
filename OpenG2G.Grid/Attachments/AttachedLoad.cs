using System.Collections.Immutable;
using OpenG2G.Core.Composition;
using OpenG2G.Grid.Model.Loads;

namespace OpenG2G.Grid.Attachments;

/// <summary>
/// Single-phase loads added to a feeder at compile time whose powers change while it runs
/// (datacenters, PV, external loads, batteries, the CLI's <c>--load</c>). One load per entry of
/// <see cref="Phases"/>: wye loads connect that phase to ground at the bus's line-to-neutral base
/// voltage; delta loads connect it to the next phase (1-2, 2-3, 3-1) at the line-to-line base.
/// Power starts at zero; set it with <see cref="PowerFlow.Feeder.SetAttachmentPower"/>.
/// Default voltage behaviour is OpenDSS's (model 1, vminpu 0.95, vmaxpu 1.05).
/// </summary>
public sealed record AttachedLoad(string Name, string Bus, ImmutableArray<int> Phases, LoadConnection Connection)
{
    public LoadModel Model { get; init; } = LoadModel.ConstantPq;
    public double VminPu { get; init; } = 0.95;
    public double VmaxPu { get; init; } = 1.05;
    public double VlowPu { get; init; } = 0.50;

    /// <summary>The option path its bus came from (<c>datacenters[0].bus</c>, <c>pv[1].bus</c>), reported with a bus problem.</summary>
    public string Origin { get; init; } = string.Empty;

    /// <summary>Where that option is written, when known; a bus problem is reported there.</summary>
    public Core.Diagnostics.SourceLocation OriginAt { get; init; } = Core.Diagnostics.SourceLocation.None;

    /// <summary>Three single-phase loads on phases 1, 2, 3 of <paramref name="bus"/>.</summary>
    public static AttachedLoad ThreePhase(string name, string bus, LoadConnection connection) =>
        new(name, bus, [1, 2, 3], connection);
}
