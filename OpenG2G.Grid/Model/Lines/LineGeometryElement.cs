using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model.Lines;

/// <summary>
/// Conductor positions of an overhead line (OpenDSS LineGeometry): <c>nconds</c> conductors, of
/// which the first <c>nphases</c> are phases; each <c>cond=k</c> takes a <c>wire</c>, a horizontal
/// position <c>x</c> and a height <c>h</c> in <c>units</c> (default feet, then the last unit given).
/// <c>reduce=yes</c> eliminates the neutrals by Kron reduction. Impedances follow from Carson's or
/// Deri's earth model (<c>Set EarthModel</c>) and earth resistivity <c>rho</c> (100 ohm-m).
/// </summary>
public sealed class LineGeometryElement : DssElement
{
    private static readonly string[] Names =
    [
        "nconds", "nphases", "cond", "wire", "x", "h", "units", "normamps", "emergamps", "reduce", "spacing",
        "wires", "cncable", "tscable", "cncables", "tscables", "seasons", "ratings", "linetype", "like",
    ];

    private Conductor[] _conductors = [new()];
    private int _active;
    private int? _phases;
    private LengthUnits _lastUnits = LengthUnits.Ft;

    public LineGeometryElement(string name, SourceLocation definedAt)
        : base("LineGeometry", name, definedAt)
    {
    }

    /// <summary>One conductor: its wire and position (in its units).</summary>
    public sealed class Conductor
    {
        public WireDataElement? Wire { get; internal set; }
        public double X { get; internal set; }
        public double H { get; internal set; }
        public LengthUnits Units { get; internal set; } = LengthUnits.Ft;
        public bool HasPosition { get; internal set; }

        public double XMetres => X * Units.Metres();
        public double HMetres => H * Units.Metres();

        internal Conductor Copy() => (Conductor)MemberwiseClone();
    }

    public IReadOnlyList<Conductor> Conductors => _conductors;
    public int ConductorCount => _conductors.Length;
    public int Phases => _phases ?? _conductors.Length;
    public bool Reduce { get; private set; }
    public double RhoOhmMetre { get; private set; } = 100.0;

    /// <summary>Conductors of a line built from this geometry: the phases when reduced, else all.</summary>
    public int LineConductors => Reduce ? Phases : _conductors.Length;

    internal override IReadOnlyList<string> PropertyNames => Names;

    protected override void DeepCopyArrays() => _conductors = _conductors.Select(c => c.Copy()).ToArray();

    internal override void Set(string property, DssValue value, DssModel model)
    {
        var c = _conductors[_active];
        switch (property)
        {
            case "nconds":
                int n = DssValueReader.PositiveInt(value, property);
                var resized = new Conductor[n];
                for (int i = 0; i < n; i++)
                    resized[i] = i < _conductors.Length ? _conductors[i] : new Conductor { Units = _lastUnits };
                _conductors = resized;
                _active = Math.Min(_active, n - 1);
                break;
            case "nphases": _phases = DssValueReader.PositiveInt(value, property); break;
            case "cond":
                int k = DssValueReader.PositiveInt(value, property);
                if (k > _conductors.Length)
                    throw new DssInputException(value.Location, $"{property}: conductor {k} does not exist; nconds is {_conductors.Length} (set nconds first)");
                _active = k - 1;
                break;
            case "wire": c.Wire = FindWire(value, model); break;
            case "wires":
                string[] names = DssValueReader.Strings(value);
                if (names.Length > _conductors.Length)
                    throw new DssInputException(value.Location, $"{property}: {names.Length} wires for {_conductors.Length} conductors");
                for (int i = 0; i < names.Length; i++)
                    _conductors[i].Wire = FindWire(new DssValue(names[i], value.Location, '\0'), model);
                break;
            case "x": c.X = DssValueReader.Double(value, property); c.HasPosition = true; break;
            case "h": c.H = DssValueReader.Double(value, property); c.HasPosition = true; break;
            case "units":
                var units = LineCodeElement.ParseUnits(value, property);
                if (units == LengthUnits.None)
                    throw new DssInputException(value.Location, $"{property}: conductor positions need a length unit, got '{value}'");
                c.Units = units;
                _lastUnits = units;
                break;
            case "reduce": Reduce = DssValueReader.YesNo(value, property); break;
            case "normamps" or "emergamps" or "seasons" or "ratings" or "linetype":
                break;
            default:
                throw new DssInputException(value.Location, $"{property}: not supported for LineGeometry yet (give wire, x and h per conductor)");
        }
    }

    private static WireDataElement FindWire(DssValue value, DssModel model) =>
        model.Find<WireDataElement>(value.Text)
        ?? throw new DssInputException(value.Location, $"wire: WireData.{value.Text} is not defined (define it before the geometries that use it)");
}
