using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model.Reactors;

/// <summary>
/// A reactor (OpenDSS Reactor): in series between <c>bus1</c> and <c>bus2</c>, or shunt at
/// <c>bus1</c> (to ground for wye, between phases for delta). Impedance per phase from <c>R</c> and
/// <c>X</c> in ohms (series R + jX), or from <c>kvar</c> at <c>kv</c> (line-to-line for 2-/3-phase,
/// across the unit for 1-phase). Defaults as OpenDSS: 3 phases, 1200 kvar, 12.47 kV, wye.
/// </summary>
public sealed class ReactorElement : DssElement
{
    private static readonly string[] Names =
    [
        "bus1", "bus2", "phases", "kvar", "kv", "conn", "rmatrix", "xmatrix", "parallel", "r", "x", "rp", "z1",
        "z2", "z0", "z", "rcurve", "lcurve", "lmh", "normamps", "emergamps", "faultrate", "pctperm", "repair",
        "basefreq", "enabled", "like",
    ];

    public ReactorElement(string name, SourceLocation definedAt)
        : base("Reactor", name, definedAt)
    {
    }

    public BusSpec? Bus1 { get; private set; }
    public BusSpec? Bus2 { get; private set; }
    public int Phases { get; private set; } = 3;
    public double Kvar { get; private set; } = 1200.0;
    public double Kv { get; private set; } = 12.47;
    public bool IsDelta { get; private set; }

    /// <summary>Resistance and reactance per phase in ohms, when given as R/X (else from kvar and kv).</summary>
    public double? ROhm { get; private set; }

    public double? XOhm { get; private set; }

    internal override IReadOnlyList<string> PropertyNames => Names;

    /// <summary>Series impedance per phase in ohms.</summary>
    public System.Numerics.Complex ImpedanceOhm()
    {
        if (ROhm is not null || XOhm is not null)
            return new(ROhm ?? 0.0, XOhm ?? 0.0);
        double vPhase = IsDelta || Phases == 1 ? Kv * 1000.0 : Kv * 1000.0 / Math.Sqrt(3.0);
        return new(0, vPhase * vPhase / (Kvar * 1000.0 / Phases));
    }

    internal override void Set(string property, DssValue value, DssModel model)
    {
        switch (property)
        {
            case "bus1": Bus1 = BusSpec.Parse(value, property); break;
            case "bus2": Bus2 = BusSpec.Parse(value, property); break;
            case "phases": Phases = DssValueReader.PositiveInt(value, property); break;
            case "kvar": Kvar = DssValueReader.Double(value, property); ROhm = XOhm = null; break;
            case "kv": Kv = DssValueReader.Double(value, property); break;
            case "conn":
                string c = value.Text.Trim().ToLowerInvariant();
                IsDelta = c.StartsWith('d') || c == "ll";
                if (!IsDelta && !(c.StartsWith('y') || c.StartsWith('w') || c == "ln"))
                    throw new DssInputException(value.Location, $"{property}: unknown connection '{value}'; expected wye or delta");
                break;
            case "r": ROhm = DssValueReader.Double(value, property); XOhm ??= 0.0; break;
            case "x": XOhm = DssValueReader.Double(value, property); ROhm ??= 0.0; break;
            case "parallel" when DssValueReader.YesNo(value, property):
                throw new DssInputException(value.Location, $"{property}: parallel R and X are not supported yet; give series R and X");
            case "rp" when DssValueReader.Double(value, property) != 0:
                throw new DssInputException(value.Location, $"{property}: a parallel resistance is not supported yet");
            case "rmatrix" or "xmatrix" or "z1" or "z2" or "z0" or "z" or "rcurve" or "lcurve" or "lmh":
                throw new DssInputException(value.Location, $"{property}: not supported for Reactor yet; give R and X in ohms, or kvar and kv");
            case "basefreq": Lines.LineElement.CheckBaseFrequency(value, property, model); break;
            case "parallel" or "rp" or "normamps" or "emergamps" or "faultrate" or "pctperm" or "repair":
                break;
            default:
                throw new DssInputException(value.Location, $"{property}: not supported for Reactor yet");
        }
    }
}
