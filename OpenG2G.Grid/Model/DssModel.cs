using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Model.Capacitors;
using OpenG2G.Grid.Model.Curves;
using OpenG2G.Grid.Model.Der;
using OpenG2G.Grid.Model.Lines;
using OpenG2G.Grid.Model.Loads;
using OpenG2G.Grid.Model.Regulators;
using OpenG2G.Grid.Model.Sources;
using OpenG2G.Grid.Model.Transformers;

namespace OpenG2G.Grid.Model;

/// <summary>
/// The typed model a DSS script defines: options, elements in definition order (names
/// case-insensitive per class), bus coordinates for plots. Mutable only while building and when
/// attachments or commands change it; the network is compiled from it.
/// </summary>
public sealed class DssModel
{
    private readonly Dictionary<(string Class, string Name), DssElement> _byName = new();
    private readonly List<DssElement> _elements = new();

    public string CircuitName { get; internal set; } = string.Empty;
    public DssOptions Options { get; internal set; } = new();

    /// <summary>True once <c>CalcVoltageBases</c> ran (or the voltage bases were set).</summary>
    public bool VoltageBasesCalculated { get; internal set; }

    /// <summary>Bus coordinates from SetBusXY, by lower-case bus name.</summary>
    public Dictionary<string, (double X, double Y)> BusCoordinates { get; } = new();

    /// <summary>Options in force at the script's last <c>Solve</c>, or null when it has none (the feeder then loads unsolved).</summary>
    public DssOptions? ScriptSolveOptions { get; internal set; }

    public IReadOnlyList<DssElement> Elements => _elements;

    public IEnumerable<VsourceElement> Sources => Of<VsourceElement>();
    public IEnumerable<LineElement> Lines => Of<LineElement>();
    public IEnumerable<TransformerElement> Transformers => Of<TransformerElement>();
    public IEnumerable<RegControlElement> RegControls => Of<RegControlElement>();
    public IEnumerable<CapacitorElement> Capacitors => Of<CapacitorElement>();
    public IEnumerable<LoadElement> Loads => Of<LoadElement>();
    public IEnumerable<CapControlElement> CapControls => Of<CapControlElement>();
    public IEnumerable<PvSystemElement> PvSystems => Of<PvSystemElement>();
    public IEnumerable<StorageElement> Storages => Of<StorageElement>();
    public IEnumerable<GeneratorElement> Generators => Of<GeneratorElement>();
    public IEnumerable<InvControlElement> InvControls => Of<InvControlElement>();

    public IEnumerable<T> Of<T>()
        where T : DssElement => _elements.OfType<T>().Where(e => e.Enabled);

    /// <summary>The element of type <typeparamref name="T"/> named <paramref name="name"/> (case-insensitive), or null.</summary>
    public T? Find<T>(string name)
        where T : DssElement
    {
        string cls = ClassOf(typeof(T));
        return _byName.TryGetValue((cls, name.ToLowerInvariant()), out var e) ? e as T : null;
    }

    internal DssElement? Find(string className, string name) =>
        _byName.TryGetValue((className.ToLowerInvariant(), name.ToLowerInvariant()), out var e) ? e : null;

    internal void Add(DssElement element)
    {
        _byName[(element.ClassName.ToLowerInvariant(), element.Key)] = element;
        _elements.Add(element);
    }

    /// <summary>
    /// <c>New Circuit</c>: drop the circuit elements, keep library objects (line codes, wire data,
    /// geometries, transformer codes, load shapes), which OpenDSS keeps until <c>Clear</c>.
    /// </summary>
    internal void ClearCircuit()
    {
        var kept = _elements.Where(e => e is LineCodeElement or WireDataElement or LineGeometryElement or XfmrCodeElement or Shapes.LoadShapeElement or XyCurveElement).ToList();
        Clear();
        foreach (var e in kept)
            Add(e);
    }

    internal void Clear()
    {
        _byName.Clear();
        _elements.Clear();
        BusCoordinates.Clear();
        CircuitName = string.Empty;
        Options = new DssOptions();
        VoltageBasesCalculated = false;
        ScriptSolveOptions = null;
    }

    private static string ClassOf(Type t) => t.Name switch
    {
        nameof(VsourceElement) => "vsource",
        nameof(LineElement) => "line",
        nameof(LineCodeElement) => "linecode",
        nameof(TransformerElement) => "transformer",
        nameof(RegControlElement) => "regcontrol",
        nameof(CapacitorElement) => "capacitor",
        nameof(LoadElement) => "load",
        nameof(WireDataElement) => "wiredata",
        nameof(LineGeometryElement) => "linegeometry",
        nameof(XfmrCodeElement) => "xfmrcode",
        nameof(Shapes.LoadShapeElement) => "loadshape",
        nameof(Reactors.ReactorElement) => "reactor",
        nameof(CapControlElement) => "capcontrol",
        nameof(PvSystemElement) => "pvsystem",
        nameof(StorageElement) => "storage",
        nameof(GeneratorElement) => "generator",
        nameof(XyCurveElement) => "xycurve",
        nameof(InvControlElement) => "invcontrol",
        _ => throw new ArgumentException($"no DSS class for {t.Name}"),
    };

    /// <summary>Create an element of DSS class <paramref name="className"/> (case-insensitive), or null when the class is unknown.</summary>
    internal static DssElement? Create(string className, string name, SourceLocation at) => className.ToLowerInvariant() switch
    {
        "vsource" => new VsourceElement(name, at),
        "line" => new LineElement(name, at),
        "linecode" => new LineCodeElement(name, at),
        "transformer" => new TransformerElement(name, at),
        "regcontrol" => new RegControlElement(name, at),
        "capacitor" => new CapacitorElement(name, at),
        "load" => new LoadElement(name, at),
        "wiredata" => new WireDataElement(name, at),
        "linegeometry" => new LineGeometryElement(name, at),
        "xfmrcode" => new XfmrCodeElement(name, at),
        "loadshape" => new Shapes.LoadShapeElement(name, at),
        "reactor" => new Reactors.ReactorElement(name, at),
        "capcontrol" => new CapControlElement(name, at),
        "pvsystem" => new PvSystemElement(name, at),
        "storage" => new StorageElement(name, at),
        "generator" => new GeneratorElement(name, at),
        "xycurve" => new XyCurveElement(name, at),
        "invcontrol" => new InvControlElement(name, at),
        _ => null,
    };

    internal static readonly string[] SupportedClasses = ["CapControl", "Capacitor", "Generator", "InvControl", "Line", "LineCode", "LineGeometry", "Load", "LoadShape", "PVSystem", "Reactor", "RegControl", "Storage", "Transformer", "Vsource", "WireData", "XfmrCode", "XYcurve"];
}
