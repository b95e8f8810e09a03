using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model.Lines;

/// <summary>
/// A line (OpenDSS Line): a pi-model between two buses with impedances from a line code or given
/// on the line, a length and its units. <c>Switch=y</c> makes it a 1 mm switch (r1=x1=r0=x0=1 ohm,
/// c1=1.1, c0=1 nF per unit, length 0.001) that later properties may override, as in OpenDSS.
/// </summary>
public sealed class LineElement : DssElement
{
    private static readonly string[] Names =
    [
        "bus1", "bus2", "linecode", "length", "phases", "r1", "x1", "r0", "x0", "c1", "c0",
        "rmatrix", "xmatrix", "cmatrix", "switch", "rg", "xg", "rho", "geometry", "units", "spacing",
        "wires", "earthmodel", "cncables", "tscables", "b1", "b0", "seasons", "ratings", "linetype",
        "normamps", "emergamps", "faultrate", "pctperm", "repair", "basefreq", "enabled", "like",
    ];

    internal ImpedanceData Impedance = new();
    private int? _phasesGiven;
    private SourceLocation _phasesAt;

    public LineElement(string name, SourceLocation definedAt)
        : base("Line", name, definedAt)
    {
    }

    public BusSpec? Bus1 { get; private set; }
    public BusSpec? Bus2 { get; private set; }
    public LineCodeElement? LineCode { get; private set; }
    public double Length { get; private set; } = 1.0;
    public LengthUnits Units { get; private set; } = LengthUnits.None;
    public LengthUnits CodeUnits { get; private set; } = LengthUnits.None;
    public bool IsSwitch { get; private set; }

    /// <summary>Earth resistivity for impedances from geometry (ohm-m); null: the geometry's (100).</summary>
    public double? RhoOhmMetre { get; private set; }

    /// <summary>Earth model for this line's geometry; null: the circuit's (<c>Set EarthModel</c>).</summary>
    public EarthModel? EarthModel { get; private set; }

    /// <summary>Conductor geometry the impedances come from (Carson/Deri), or null.</summary>
    public LineGeometryElement? Geometry { get; private set; }
    public int Phases => Impedance.Phases;

    /// <summary>True once C1/C0 or cmatrix were given; otherwise OpenDSS rescales the default C from per-kft to the line's units.</summary>
    internal bool CapacitanceSpecified { get; private set; }

    internal override IReadOnlyList<string> PropertyNames => Names;

    protected override void DeepCopyArrays() => Impedance = Impedance.Copy();

    /// <summary>Length multiplier turning per-unit-length impedances into totals (OpenDSS: Len / FUnitsConvert).</summary>
    public double LengthMultiplier
    {
        get
        {
            double convert = LineCode is not null ? LengthUnitsExtensions.Convert(CodeUnits, Units) : 1.0;
            return Length / convert;
        }
    }

    internal override void Set(string property, DssValue value, DssModel model)
    {
        switch (property)
        {
            case "bus1": Bus1 = BusSpec.Parse(value, property); break;
            case "bus2": Bus2 = BusSpec.Parse(value, property); break;
            case "linecode": FetchLineCode(value, model); break;
            case "length":
                Length = DssValueReader.Double(value, property);
                if (!(Length > 0))
                    throw new DssInputException(value.Location,
                        $"{property}: a line length must be > 0, got '{value}'; OpenDSS would scale the impedances by it " +
                        "(a negative length gives a negative resistance, a line that generates power; for a closed switch write Switch=y)");
                break;
            case "phases":
                int phases = DssValueReader.PositiveInt(value, property);
                _phasesGiven = phases;
                _phasesAt = value.Location;
                if (phases != Impedance.Phases)
                {
                    if (!Impedance.SymmetricalComponents)
                        throw new DssInputException(value.Location, $"{property}: cannot change the phases of a line defined by matrices ({Impedance.Phases} phases) to {phases}");
                    Impedance.Phases = phases;
                }
                break;
            case "r1": SetSequence(ref Impedance.R1, value, property); break;
            case "x1": SetSequence(ref Impedance.X1, value, property); break;
            case "r0": SetSequence(ref Impedance.R0, value, property); break;
            case "x0": SetSequence(ref Impedance.X0, value, property); break;
            case "c1": SetSequence(ref Impedance.C1, value, property); CapacitanceSpecified = true; break;
            case "c0": SetSequence(ref Impedance.C0, value, property); CapacitanceSpecified = true; break;
            case "b1":
                Impedance.C1 = LineCodeElement.MicroSiemensToNanoFarads(DssValueReader.Double(value, property), model);
                DropLineCode();
                CapacitanceSpecified = true;
                break;
            case "b0":
                Impedance.C0 = LineCodeElement.MicroSiemensToNanoFarads(DssValueReader.Double(value, property), model);
                DropLineCode();
                CapacitanceSpecified = true;
                break;
            case "rmatrix": SetMatrix(value, property, m => Impedance.R = m); break;
            case "xmatrix": SetMatrix(value, property, m => Impedance.X = m); break;
            case "cmatrix": SetMatrix(value, property, m => Impedance.C = m); CapacitanceSpecified = true; break;
            case "switch":
                IsSwitch = DssValueReader.YesNo(value, property);
                if (IsSwitch)
                {
                    DropLineCode();
                    Impedance.SymmetricalComponents = true;
                    Impedance.R1 = Impedance.X1 = Impedance.R0 = Impedance.X0 = 1.0;
                    Impedance.C1 = 1.1;
                    Impedance.C0 = 1.0;
                    CapacitanceSpecified = true;
                    Length = 0.001;
                    Units = LengthUnits.None;
                }
                break;
            case "units": Units = LineCodeElement.ParseUnits(value, property); break;
            case "basefreq": CheckBaseFrequency(value, property, model); break;
            case "geometry":
                var geometry = model.Find<LineGeometryElement>(value.Text)
                    ?? throw new DssInputException(value.Location, $"{property}: LineGeometry.{value.Text} is not defined (define it before the lines that use it)");
                DropLineCode();
                Geometry = geometry;
                Impedance.Phases = geometry.LineConductors;
                Impedance.SymmetricalComponents = true;
                break;
            case "spacing" or "wires" or "cncables" or "tscables":
                throw new DssInputException(value.Location, $"{property}: line spacings with separate wire lists are not supported yet; use a LineGeometry or a LineCode");
            case "rho":
                double rho = DssValueReader.Double(value, property);
                if (rho <= 0)
                    throw new DssInputException(value.Location, $"{property}: earth resistivity must be > 0 ohm-m, got '{value}'");
                RhoOhmMetre = rho;
                break;
            case "earthmodel":
                EarthModel = value.Text.Trim().ToLowerInvariant() switch
                {
                    "carson" or "simplecarson" => Model.EarthModel.Carson,
                    "fullcarson" => Model.EarthModel.FullCarson,
                    "deri" => Model.EarthModel.Deri,
                    _ => throw new DssInputException(value.Location, $"{property}: expected Carson, FullCarson or Deri, got '{value}'"),
                };
                break;
            case "rg" or "xg" or "seasons" or "ratings" or "linetype" or "normamps" or "emergamps"
                or "faultrate" or "pctperm" or "repair":
                break;
            default:
                throw new DssInputException(value.Location, $"{property}: not supported for Line yet");
        }
    }

    internal static void CheckBaseFrequency(DssValue value, string property, DssModel model)
    {
        double hz = DssValueReader.Double(value, property);
        if (Math.Abs(hz - model.Options.DefaultBaseFrequencyHz) > 1e-9)
            throw new DssInputException(value.Location, $"{property}: {hz} Hz differs from the circuit's base frequency {model.Options.DefaultBaseFrequencyHz} Hz; frequency scaling is not supported");
    }

    private void FetchLineCode(DssValue value, DssModel model)
    {
        var code = model.Find<LineCodeElement>(value.Text);
        if (code is null)
        {
            throw new DssInputException(value.Location,
                $"linecode: LineCode.{value.Text} is not defined (define it before the lines that use it)");
        }
        if (_phasesGiven is int given && given != code.Phases)
        {
            throw new DssInputException(value.Location,
                $"linecode: LineCode.{code.Name} has {code.Phases} phase(s), but phases={given} is given at {_phasesAt}; " +
                $"OpenDSS would silently make the line {code.Phases}-phase (its buses name {given} node(s)): use a {given}-phase line code");
        }
        LineCode = code;
        Geometry = null;
        CodeUnits = code.Units;
        Impedance = code.Impedance.Copy();
        CapacitanceSpecified = true;
    }

    private void DropLineCode()
    {
        if (Geometry is not null)
            Geometry = null;
        LineCode = null;
        CodeUnits = LengthUnits.None;
    }

    private void SetSequence(ref double field, DssValue value, string property)
    {
        field = DssValueReader.Double(value, property);
        DropLineCode();
        Units = LengthUnits.None; // OpenDSS assumes impedances given on the line match its length units
        Impedance.SymmetricalComponents = true;
    }

    private void SetMatrix(DssValue value, string property, Action<double[,]> assign)
    {
        Impedance.UseMatrices();
        assign(DssValueReader.Matrix(value, property, Impedance.Phases));
        DropLineCode();
        Units = LengthUnits.None;
    }
}
