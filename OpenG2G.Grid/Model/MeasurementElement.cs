using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model;

/// <summary>
/// An element that does not affect a snapshot power flow (EnergyMeter, Monitor, Fuse, Relay,
/// Recloser, SwtControl): accepted so that real feeder files compile, reported once as information,
/// its properties kept unread.
/// </summary>
public sealed class MeasurementElement : DssElement
{
    internal static readonly HashSet<string> Classes = ["energymeter", "monitor", "fuse", "relay", "recloser", "swtcontrol", "sensor"];

    public MeasurementElement(string className, string name, SourceLocation definedAt)
        : base(Canonical(className), name, definedAt)
    {
    }

    internal override IReadOnlyList<string> PropertyNames => [];

    internal override void Set(string property, DssValue value, DssModel model)
    {
    }

    private static string Canonical(string cls) => cls.ToLowerInvariant() switch
    {
        "energymeter" => "EnergyMeter",
        "monitor" => "Monitor",
        "fuse" => "Fuse",
        "relay" => "Relay",
        "recloser" => "Recloser",
        "swtcontrol" => "SwtControl",
        _ => "Sensor",
    };
}
