using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;
using OpenG2G.Grid.Model.Shapes;

namespace OpenG2G.Grid.Model.Der;

/// <summary>
/// What PVSystem, Storage and Generator share: one terminal of <see cref="Phases"/> phases at
/// <see cref="Bus1"/>, wye (phases plus neutral, default) or delta, rated <see cref="Kv"/> (line-to-line
/// for 2 and 3 phases, across the element for 1 phase), constant-power operation between
/// <see cref="VminPu"/> and <see cref="VmaxPu"/> (defaults 0.9 and 1.1) and the shapes it may follow.
/// </summary>
public abstract class PowerConversionElement : DssElement
{
    protected PowerConversionElement(string className, string name, SourceLocation definedAt)
        : base(className, name, definedAt)
    {
    }

    public int Phases { get; private set; } = 3;
    public BusSpec? Bus1 { get; private set; }
    public double Kv { get; private set; } = 12.47;
    public bool IsDelta { get; private set; }
    public double VminPu { get; private set; } = 0.90;
    public double VmaxPu { get; private set; } = 1.10;
    public LoadShapeElement? DailyShape { get; private set; }
    public LoadShapeElement? YearlyShape { get; private set; }
    public LoadShapeElement? DutyShape { get; private set; }

    /// <summary>Rated voltage of one phase in volts: line-to-neutral for 2 and 3 phases, else kV as given (OpenDSS's VBase).</summary>
    public double PhaseBaseVolts => Phases is 2 or 3 ? Kv * 1000.0 / Math.Sqrt(3.0) : Kv * 1000.0;

    /// <summary>The shape of <paramref name="mode"/> (a yearly or duty request falls back on the daily shape), or null.</summary>
    public LoadShapeElement? Shape(LoadShapeMode mode) => mode switch
    {
        LoadShapeMode.Daily => DailyShape,
        LoadShapeMode.Yearly => YearlyShape ?? DailyShape,
        LoadShapeMode.Duty => DutyShape ?? DailyShape,
        _ => null,
    };

    /// <summary>Apply a property every power-conversion element has; false when <paramref name="property"/> is not one.</summary>
    protected bool TrySetCommon(string property, DssValue value, DssModel model)
    {
        switch (property)
        {
            case "phases": Phases = DssValueReader.PositiveInt(value, property); return true;
            case "bus1": Bus1 = BusSpec.Parse(value, property); return true;
            case "kv":
                Kv = DssValueReader.Double(value, property);
                if (!(Kv > 0) || !double.IsFinite(Kv))
                    throw new DssInputException(value.Location, $"{property}: must be a finite number > 0, got '{value}'");
                return true;
            case "conn":
                string c = value.Text.Trim().ToLowerInvariant();
                IsDelta = c.StartsWith('d') || c == "ll";
                if (!IsDelta && !(c.StartsWith('y') || c.StartsWith('w') || c == "ln"))
                    throw new DssInputException(value.Location, $"{property}: unknown connection '{value}'; expected wye or delta");
                return true;
            case "vminpu": VminPu = DssValueReader.Double(value, property); return true;
            case "vmaxpu": VmaxPu = DssValueReader.Double(value, property); return true;
            case "daily": DailyShape = Loads.LoadElement.Shape(value, property, model, "elements"); return true;
            case "yearly": YearlyShape = Loads.LoadElement.Shape(value, property, model, "elements"); return true;
            case "duty": DutyShape = Loads.LoadElement.Shape(value, property, model, "elements"); return true;
            case "basefreq": Lines.LineElement.CheckBaseFrequency(value, property, model); return true;
            case "class" or "debugtrace" or "spectrum" or "dutystart":
                return true;
            default:
                return false;
        }
    }

    /// <summary>Refuse a switch this engine does not model when it is turned on (false is accepted).</summary>
    protected static void RefuseIfOn(DssValue value, string property, string why)
    {
        if (DssValueReader.YesNo(value, property))
            throw new DssInputException(value.Location, $"{property}: {why} is not supported; only {property}=no");
    }

    /// <summary>Set by tests and the scenario layer when the element is built in code.</summary>
    internal void SetConnection(BusSpec bus, int phases, double kv, bool delta)
    {
        Bus1 = bus;
        Phases = phases;
        Kv = kv;
        IsDelta = delta;
    }
}
