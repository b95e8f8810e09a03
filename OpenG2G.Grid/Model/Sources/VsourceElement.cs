using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model.Sources;

/// <summary>
/// A Thevenin voltage source (OpenDSS Vsource; <c>New Circuit.x</c> creates <c>Vsource.source</c>).
/// Impedance from MVAsc3/MVAsc1 with X1/R1 and X0/R0 ratios (default), from Isc3/Isc1, or in ohms
/// (R1, X1, R0, X0). Defaults as OpenDSS: 115 kV, 1 pu, 0 degrees, 2000/2100 MVA, X/R 4 and 3.
/// </summary>
public sealed class VsourceElement : DssElement
{
    private static readonly string[] Names =
    [
        "bus1", "basekv", "pu", "angle", "frequency", "phases", "mvasc3", "mvasc1", "x1r1", "x0r0",
        "isc3", "isc1", "r1", "x1", "r0", "x0", "scantype", "sequence", "bus2", "z1", "z0", "z2",
        "puz1", "puz0", "puz2", "basemva", "yearly", "daily", "duty", "model", "puzideal", "spectrum",
        "basefreq", "enabled", "like",
    ];

    public VsourceElement(string name, SourceLocation definedAt)
        : base("Vsource", name, definedAt)
    {
    }

    public BusSpec? Bus1 { get; private set; }
    public BusSpec? Bus2 { get; private set; }
    public double BaseKv { get; private set; } = 115.0;
    public double PerUnit { get; internal set; } = 1.0;
    public double AngleDeg { get; private set; }
    public int Phases { get; private set; } = 3;
    public double MvaSc3 { get; private set; } = 2000.0;
    public double MvaSc1 { get; private set; } = 2100.0;
    public double X1R1 { get; private set; } = 4.0;
    public double X0R0 { get; private set; } = 3.0;
    public double Isc3A { get; private set; } = 10000.0;
    public double Isc1A { get; private set; } = 10540.0;
    public double R1Ohm { get; private set; } = 1.65;
    public double X1Ohm { get; private set; } = 6.6;
    public double R0Ohm { get; private set; } = 1.9;
    public double X0Ohm { get; private set; } = 5.7;

    /// <summary>1 = MVAsc, 2 = Isc, 3 = ohms (OpenDSS's ZSpecType).</summary>
    public int ImpedanceSpec { get; private set; } = 1;

    internal override IReadOnlyList<string> PropertyNames => Names;

    internal void SetBus1(BusSpec bus) => Bus1 = bus;

    internal override void Set(string property, DssValue value, DssModel model)
    {
        switch (property)
        {
            case "bus1": Bus1 = BusSpec.Parse(value, property); break;
            case "bus2": Bus2 = BusSpec.Parse(value, property); break;
            case "basekv": BaseKv = DssValueReader.Double(value, property); break;
            case "pu": PerUnit = DssValueReader.Double(value, property); break;
            case "angle": AngleDeg = DssValueReader.Double(value, property); break;
            case "phases": Phases = DssValueReader.PositiveInt(value, property); break;
            case "mvasc3": MvaSc3 = DssValueReader.Double(value, property); ImpedanceSpec = 1; break;
            case "mvasc1": MvaSc1 = DssValueReader.Double(value, property); ImpedanceSpec = 1; break;
            case "x1r1": X1R1 = DssValueReader.Double(value, property); break;
            case "x0r0": X0R0 = DssValueReader.Double(value, property); break;
            case "isc3": Isc3A = DssValueReader.Double(value, property); ImpedanceSpec = 2; break;
            case "isc1": Isc1A = DssValueReader.Double(value, property); ImpedanceSpec = 2; break;
            case "r1": R1Ohm = DssValueReader.Double(value, property); ImpedanceSpec = 3; break;
            case "x1": X1Ohm = DssValueReader.Double(value, property); ImpedanceSpec = 3; break;
            case "r0": R0Ohm = DssValueReader.Double(value, property); ImpedanceSpec = 3; break;
            case "x0": X0Ohm = DssValueReader.Double(value, property); ImpedanceSpec = 3; break;
            case "z1": (R1Ohm, X1Ohm) = Pair(value, property); ImpedanceSpec = 3; break;
            case "z0": (R0Ohm, X0Ohm) = Pair(value, property); ImpedanceSpec = 3; break;
            case "frequency" or "basefreq":
                if (Math.Abs(DssValueReader.Double(value, property) - model.Options.DefaultBaseFrequencyHz) > 1e-9)
                    throw new DssInputException(value.Location, $"{property}: only the circuit's base frequency ({model.Options.DefaultBaseFrequencyHz} Hz) is supported");
                break;
            case "scantype" or "sequence" or "spectrum" or "basemva" or "model" or "puzideal":
                break;
            case "yearly" or "daily" or "duty":
                throw new DssInputException(value.Location, $"{property}: source load shapes are not supported; the grid component sets the source voltage");
            default:
                throw new DssInputException(value.Location, $"{property}: not supported for Vsource yet");
        }
    }

    private static (double, double) Pair(DssValue value, string property)
    {
        double[] v = DssValueReader.Doubles(value, property);
        if (v.Length != 2)
            throw new DssInputException(value.Location, $"{property}: expected [R X] in ohms, got '{value}'");
        return (v[0], v[1]);
    }
}
