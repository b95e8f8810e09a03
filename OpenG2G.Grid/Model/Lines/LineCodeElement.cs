using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model.Lines;

/// <summary>
/// A line code: impedances per unit length shared by lines (OpenDSS LineCode). Sequence values
/// (R1, X1, R0, X0 in ohms, C1, C0 in nF) or matrices (rmatrix, xmatrix, cmatrix); <c>units=</c>
/// names the length unit the values are per (none: same as the line's).
/// </summary>
public sealed class LineCodeElement : DssElement
{
    private static readonly string[] Names =
    [
        "nphases", "r1", "x1", "r0", "x0", "c1", "c0", "units", "rmatrix", "xmatrix", "cmatrix",
        "basefreq", "normamps", "emergamps", "faultrate", "pctperm", "repair", "kron", "rg", "xg", "rho",
        "neutral", "b1", "b0", "seasons", "ratings", "linetype", "like",
    ];

    internal ImpedanceData Impedance = new();

    public LineCodeElement(string name, SourceLocation definedAt)
        : base("LineCode", name, definedAt)
    {
    }

    public LengthUnits Units { get; private set; } = LengthUnits.None;

    public int Phases => Impedance.Phases;

    internal override IReadOnlyList<string> PropertyNames => Names;

    protected override void DeepCopyArrays() => Impedance = Impedance.Copy();

    internal override void Set(string property, DssValue value, DssModel model)
    {
        switch (property)
        {
            case "nphases":
                Impedance.Phases = DssValueReader.PositiveInt(value, property);
                Impedance.R = Impedance.X = Impedance.C = null;
                Impedance.SymmetricalComponents = true;
                break;
            case "r1": Impedance.R1 = DssValueReader.Double(value, property); Impedance.SymmetricalComponents = true; break;
            case "x1": Impedance.X1 = DssValueReader.Double(value, property); Impedance.SymmetricalComponents = true; break;
            case "r0": Impedance.R0 = DssValueReader.Double(value, property); Impedance.SymmetricalComponents = true; break;
            case "x0": Impedance.X0 = DssValueReader.Double(value, property); Impedance.SymmetricalComponents = true; break;
            case "c1": Impedance.C1 = DssValueReader.Double(value, property); Impedance.SymmetricalComponents = true; break;
            case "c0": Impedance.C0 = DssValueReader.Double(value, property); Impedance.SymmetricalComponents = true; break;
            case "b1": Impedance.C1 = MicroSiemensToNanoFarads(DssValueReader.Double(value, property), model); Impedance.SymmetricalComponents = true; break;
            case "b0": Impedance.C0 = MicroSiemensToNanoFarads(DssValueReader.Double(value, property), model); Impedance.SymmetricalComponents = true; break;
            case "units": Units = ParseUnits(value, property); break;
            case "rmatrix": Impedance.UseMatrices(); Impedance.R = DssValueReader.Matrix(value, property, Impedance.Phases); break;
            case "xmatrix": Impedance.UseMatrices(); Impedance.X = DssValueReader.Matrix(value, property, Impedance.Phases); break;
            case "cmatrix": Impedance.UseMatrices(); Impedance.C = DssValueReader.Matrix(value, property, Impedance.Phases); break;
            case "basefreq":
                LineElement.CheckBaseFrequency(value, property, model);
                break;
            case "kron" when DssValueReader.YesNo(value, property):
                throw new DssInputException(value.Location, $"{property}: Kron reduction of line codes is not supported yet");
            case "normamps" or "emergamps" or "faultrate" or "pctperm" or "repair" or "kron" or "rg" or "xg" or "rho"
                or "neutral" or "seasons" or "ratings" or "linetype":
                break;
            default:
                throw new DssInputException(value.Location, $"{property}: not supported for LineCode yet");
        }
    }

    internal static LengthUnits ParseUnits(DssValue value, string property)
    {
        try
        {
            return LengthUnitsExtensions.Parse(value.Text);
        }
        catch (FormatException)
        {
            throw new DssInputException(value.Location, $"{property}: unknown length unit '{value}'; expected none, mi, kft, km, m, ft, in, cm or mm");
        }
    }

    internal static double MicroSiemensToNanoFarads(double microSiemens, DssModel model) =>
        microSiemens / (2 * Math.PI * model.Options.DefaultBaseFrequencyHz) * 1000.0;
}
