using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model.Capacitors;

/// <summary>
/// A shunt (or series, when <c>bus2</c> is given) capacitor bank (OpenDSS Capacitor): total
/// <c>kvar</c> at rated <c>kv</c> (line-to-line for 2- and 3-phase, across the unit for 1-phase),
/// wye or delta; several steps when <c>kvar</c> is an array, each switched by <c>states</c>.
/// Defaults as OpenDSS: 3 phases, 1200 kvar, 12.47 kV, wye.
/// </summary>
public sealed class CapacitorElement : DssElement
{
    private static readonly string[] Names =
    [
        "bus1", "bus2", "phases", "kvar", "kv", "conn", "cmatrix", "cuf", "r", "xl", "harm", "numsteps",
        "states", "normamps", "emergamps", "faultrate", "pctperm", "repair", "basefreq", "enabled", "like",
    ];

    private double[] _kvarSteps = [1200.0];
    private bool[] _states = [true];

    public CapacitorElement(string name, SourceLocation definedAt)
        : base("Capacitor", name, definedAt)
    {
    }

    public BusSpec? Bus1 { get; private set; }
    public BusSpec? Bus2 { get; private set; }
    public int Phases { get; private set; } = 3;
    public double Kv { get; private set; } = 12.47;
    public bool IsDelta { get; private set; }

    /// <summary>Number of steps (kvar array length or numsteps).</summary>
    public int NumSteps => _kvarSteps.Length;

    /// <summary>Steps in service: OpenDSS's LastStepInService (steps switch in order).</summary>
    public int StepsInService => _states.Count(s => s);

    /// <summary>Total kvar of all steps.</summary>
    public double TotalKvar => _kvarSteps.Sum();

    /// <summary>Switch the next step in; false when every step already is.</summary>
    internal bool AddStep()
    {
        int n = StepsInService;
        if (n >= _states.Length)
            return false;
        SetStepsInService(n + 1);
        return true;
    }

    /// <summary>Switch the last step out; false once no step is left in service.</summary>
    internal bool SubtractStep()
    {
        int n = StepsInService;
        if (n > 0)
            SetStepsInService(n - 1);
        return n - 1 > 0;
    }

    internal void SetStepsInService(int count)
    {
        for (int i = 0; i < _states.Length; i++)
            _states[i] = i < count;
    }

    /// <summary>kvar of the steps that are in service.</summary>
    public double ActiveKvar => _kvarSteps.Where((_, i) => _states[i]).Sum();

    internal override IReadOnlyList<string> PropertyNames => Names;

    protected override void DeepCopyArrays()
    {
        _kvarSteps = (double[])_kvarSteps.Clone();
        _states = (bool[])_states.Clone();
    }

    internal override void Set(string property, DssValue value, DssModel model)
    {
        switch (property)
        {
            case "bus1": Bus1 = BusSpec.Parse(value, property); break;
            case "bus2": Bus2 = BusSpec.Parse(value, property); break;
            case "phases": Phases = DssValueReader.PositiveInt(value, property); break;
            case "kvar":
                _kvarSteps = value.Quote is '[' or '"' or '\'' or '{' ? DssValueReader.Doubles(value, property) : [DssValueReader.Double(value, property)];
                _states = Enumerable.Repeat(true, _kvarSteps.Length).ToArray();
                break;
            case "kv": Kv = DssValueReader.Double(value, property); break;
            case "conn":
                string c = value.Text.Trim().ToLowerInvariant();
                IsDelta = c.StartsWith('d') || c == "ll";
                if (!IsDelta && !(c.StartsWith('y') || c.StartsWith('w') || c == "ln"))
                    throw new DssInputException(value.Location, $"{property}: unknown connection '{value}'; expected wye or delta");
                break;
            case "numsteps":
                int n = DssValueReader.PositiveInt(value, property);
                double per = _kvarSteps.Sum() / n;
                _kvarSteps = Enumerable.Repeat(per, n).ToArray();
                _states = Enumerable.Repeat(true, n).ToArray();
                break;
            case "states":
                double[] s = DssValueReader.Doubles(value, property);
                if (s.Length != _states.Length)
                    throw new DssInputException(value.Location, $"{property}: {s.Length} states for {_states.Length} steps");
                _states = s.Select(x => x != 0).ToArray();
                break;
            case "r" or "xl" when DssValueReader.Doubles(value, property).Any(x => x != 0):
                throw new DssInputException(value.Location, $"{property}: series reactors in capacitor banks are not supported yet");
            case "cmatrix" or "cuf":
                throw new DssInputException(value.Location, $"{property}: capacitances in microfarads are not supported yet; give kvar and kv");
            case "basefreq": Lines.LineElement.CheckBaseFrequency(value, property, model); break;
            case "r" or "xl" or "harm" or "normamps" or "emergamps" or "faultrate" or "pctperm" or "repair":
                break;
            default:
                throw new DssInputException(value.Location, $"{property}: not supported for Capacitor yet");
        }
    }
}
