using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model.Lines;

/// <summary>
/// A bare conductor (OpenDSS WireData): resistances per unit length (<c>runits</c>), GMR
/// (<c>gmrunits</c>) and radius or diameter (<c>radunits</c>). As OpenDSS: a missing GMR is
/// 0.7788 x radius, a missing radius is GMR / 0.7788; a missing Rdc is Rac / 1.02 and a missing Rac
/// is 1.02 x Rdc.
/// </summary>
public sealed class WireDataElement : DssElement
{
    private static readonly string[] Names =
    [
        "rdc", "rac", "runits", "gmrac", "gmrunits", "radius", "radunits", "normamps", "emergamps", "diam",
        "seasons", "ratings", "capradius", "like",
    ];

    private double _rdc = -1, _rac = -1, _gmr = -1, _radius = -1;

    public WireDataElement(string name, SourceLocation definedAt)
        : base("WireData", name, definedAt)
    {
    }

    public LengthUnits ResistanceUnits { get; private set; } = LengthUnits.None;
    public LengthUnits GmrUnits { get; private set; } = LengthUnits.None;
    public LengthUnits RadiusUnits { get; private set; } = LengthUnits.None;

    internal override IReadOnlyList<string> PropertyNames => Names;

    /// <summary>AC resistance in ohms per metre.</summary>
    public double RacOhmPerMetre => (_rac >= 0 ? _rac : _rdc * 1.02) / Metres(ResistanceUnits);

    /// <summary>DC resistance in ohms per metre.</summary>
    public double RdcOhmPerMetre => (_rdc >= 0 ? _rdc : _rac / 1.02) / Metres(ResistanceUnits);

    /// <summary>Geometric mean radius in metres.</summary>
    public double GmrMetres => _gmr >= 0 ? _gmr * Metres(GmrUnits) : RadiusMetres * 0.7788;

    /// <summary>Conductor radius in metres.</summary>
    public double RadiusMetres => _radius >= 0 ? _radius * Metres(RadiusUnits) : _gmr * Metres(GmrUnits) / 0.7788;

    /// <summary>True when the data is enough to compute impedances (a resistance and a radius or GMR).</summary>
    public bool IsComplete => (_rdc >= 0 || _rac >= 0) && (_gmr >= 0 || _radius >= 0);

    // Units "none" means metres, as OpenDSS's conversion of an unspecified unit.
    private static double Metres(LengthUnits u) => u == LengthUnits.None ? 1.0 : u.Metres();

    internal override void Set(string property, DssValue value, DssModel model)
    {
        switch (property)
        {
            case "rdc": _rdc = NonNegative(value, property); break;
            case "rac": _rac = NonNegative(value, property); break;
            case "runits": ResistanceUnits = LineCodeElement.ParseUnits(value, property); break;
            case "gmrac": _gmr = Positive(value, property); break;
            case "gmrunits": GmrUnits = LineCodeElement.ParseUnits(value, property); break;
            case "radius": _radius = Positive(value, property); break;
            case "diam": _radius = Positive(value, property) / 2.0; break;
            case "radunits": RadiusUnits = LineCodeElement.ParseUnits(value, property); break;
            case "normamps" or "emergamps" or "seasons" or "ratings" or "capradius":
                break;
            default:
                throw new DssInputException(value.Location, $"{property}: not supported for WireData yet");
        }
    }

    private static double Positive(DssValue value, string property)
    {
        double x = DssValueReader.Double(value, property);
        if (x <= 0)
            throw new DssInputException(value.Location, $"{property}: must be > 0, got '{value}'");
        return x;
    }

    private static double NonNegative(DssValue value, string property)
    {
        double x = DssValueReader.Double(value, property);
        if (x < 0)
            throw new DssInputException(value.Location, $"{property}: must be >= 0, got '{value}'");
        return x;
    }
}
