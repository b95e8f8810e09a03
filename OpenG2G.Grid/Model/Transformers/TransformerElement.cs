using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model.Transformers;

/// <summary>
/// A 2-winding transformer, 1- or 3-phase, wye or delta on each side (OpenDSS Transformer).
/// Leakage reactance XHL and winding resistances in percent on winding 1's kVA; taps in per unit;
/// <c>%LoadLoss</c> splits evenly over windings 1 and 2; <c>ppm_antifloat</c> (default 1 ppm)
/// adds a tiny reactor to ground at every winding terminal, as OpenDSS does.
/// </summary>
public sealed class TransformerElement : DssElement
{
    private static readonly string[] Names =
    [
        "phases", "windings", "wdg", "bus", "conn", "kv", "kva", "tap", "%r", "rneut", "xneut", "buses",
        "conns", "kvs", "kvas", "taps", "xhl", "xht", "xlt", "xscarray", "thermal", "n", "m", "flrise",
        "hsrise", "%loadloss", "%noloadloss", "normhkva", "emerghkva", "sub", "maxtap", "mintap", "numtaps",
        "subname", "%imag", "ppm_antifloat", "%rs", "bank", "xfmrcode", "xrconst", "x12", "x13", "x23",
        "leadlag", "wdgcurrents", "core", "rdcohms", "seasons", "ratings", "normamps", "emergamps",
        "faultrate", "pctperm", "repair", "basefreq", "enabled", "like",
    ];

    private Winding[] _windings = [new(), new()];
    private int _active;

    public TransformerElement(string name, SourceLocation definedAt)
        : base("Transformer", name, definedAt)
    {
    }

    public int Phases { get; private set; } = 3;
    public IReadOnlyList<Winding> Windings => _windings;

    /// <summary>Leakage reactance between windings 1 and 2 in per unit of winding 1's kVA (default 7 %).</summary>
    public double XhlPu { get; private set; } = 0.07;

    /// <summary>Leakage reactance between windings 1 and 3 (default 35 %).</summary>
    public double XhtPu { get; private set; } = 0.35;

    /// <summary>Leakage reactance between windings 2 and 3 (default 30 %).</summary>
    public double XltPu { get; private set; } = 0.30;

    private double[] _xsc = [];
    private bool _xscFromArray;

    /// <summary>
    /// Short-circuit reactances of every winding pair (1-2, 1-3, ..., 2-3, ...) in per unit of winding 1's kVA:
    /// XHL, XHT, XLT for up to 3 windings, else <c>xscarray</c> (default 30 % for pairs not given).
    /// </summary>
    public double[] ShortCircuitReactancesPu()
    {
        int n = _windings.Length;
        int pairs = n * (n - 1) / 2;
        if (_xscFromArray && _xsc.Length == pairs)
            return (double[])_xsc.Clone();
        var x = Enumerable.Repeat(0.30, pairs).ToArray();
        if (pairs >= 1) x[0] = XhlPu;
        if (n == 3)
        {
            x[1] = XhtPu;
            x[2] = XltPu;
        }
        return x;
    }

    private void SetWindingCount(int n)
    {
        // OpenDSS re-creates every winding with its defaults when the count is set.
        _windings = Enumerable.Range(0, n).Select(_ => new Winding()).ToArray();
        _active = 0;
        _xscFromArray = false;
    }

    /// <summary>Take phases, windings and all winding data from an XfmrCode, keeping the buses already given.</summary>
    private void CopyDataFrom(TransformerElement code)
    {
        var buses = _windings.Select(w => w.Bus).ToArray();
        Phases = code.Phases;
        _windings = code._windings.Select(w => w.Copy()).ToArray();
        for (int i = 0; i < _windings.Length; i++)
            _windings[i].Bus = i < buses.Length ? buses[i] : null;
        XhlPu = code.XhlPu;
        XhtPu = code.XhtPu;
        XltPu = code.XltPu;
        _xsc = (double[])code._xsc.Clone();
        _xscFromArray = code._xscFromArray;
        PctNoLoadLoss = code.PctNoLoadLoss;
        PctImag = code.PctImag;
        PpmFactor = code.PpmFactor;
        _active = Math.Min(_active, _windings.Length - 1);
    }

    public double PctNoLoadLoss { get; private set; }
    public double PctImag { get; private set; }

    /// <summary>Anti-float admittance in parts per one (OpenDSS ppm_antifloat x 1e-6).</summary>
    public double PpmFactor { get; private set; } = 1e-6;

    public string Bank { get; private set; } = string.Empty;

    internal override IReadOnlyList<string> PropertyNames => Names;

    internal static IReadOnlyList<string> AllPropertyNames => Names;

    protected override void DeepCopyArrays()
    {
        _windings = _windings.Select(w => w.Copy()).ToArray();
        _xsc = (double[])_xsc.Clone();
    }

    /// <summary>Set winding <paramref name="winding"/> (0-based) to <paramref name="tap"/>, clamped to its range as OpenDSS does.</summary>
    internal void SetTap(int winding, double tap)
    {
        var w = _windings[winding];
        w.Tap = Math.Clamp(tap, w.MinTap, w.MaxTap);
    }

    internal override void Set(string property, DssValue value, DssModel model)
    {
        var w = _windings[_active];
        switch (property)
        {
            case "phases": Phases = DssValueReader.PositiveInt(value, property); break;
            case "windings":
                int n = DssValueReader.PositiveInt(value, property);
                if (n < 2)
                    throw new DssInputException(value.Location, $"{property}: a transformer needs at least 2 windings, got {n}");
                SetWindingCount(n);
                break;
            case "wdg":
                int wdg = DssValueReader.PositiveInt(value, property);
                if (wdg > _windings.Length)
                    throw new DssInputException(value.Location, $"{property}: winding {wdg} does not exist; this transformer has {_windings.Length} windings");
                _active = wdg - 1;
                break;
            case "bus": w.Bus = BusSpec.Parse(value, property); break;
            case "conn": w.IsDelta = ParseConnection(value, property, value.Text); break;
            case "kv": w.KvLineToLine = DssValueReader.Positive(value, property, "a winding's rated voltage in kV"); break;
            case "kva":
                w.Kva = DssValueReader.Positive(value, property, "a winding's rating in kVA");
                if (_active == 0)
                    foreach (var other in _windings.Skip(1))
                        other.Kva = w.Kva;
                else if (_windings.Length == 2)
                    _windings[0].Kva = w.Kva; // 2-winding: OpenDSS forces both kVAs equal
                break;
            case "tap": w.SetTap(DssValueReader.Positive(value, property, "a tap in per unit"), value.Location); break;
            case "%r": w.Rpu = DssValueReader.Double(value, property) / 100.0; break;
            case "rneut": w.RneutOhm = DssValueReader.Double(value, property); break;
            case "xneut": w.XneutOhm = DssValueReader.Double(value, property); break;
            case "buses": ForEachItem(value, property, (wi, item, v) => wi.Bus = BusSpec.Parse(v, property)); break;
            case "conns": ForEachItem(value, property, (wi, item, v) => wi.IsDelta = ParseConnection(v, property, item)); break;
            case "kvs": ForEachNumber(value, property, (wi, x) => wi.KvLineToLine = Positive(x, value, property, "a winding's rated voltage in kV")); break;
            case "kvas": ForEachNumber(value, property, (wi, x) => wi.Kva = Positive(x, value, property, "a winding's rating in kVA")); break;
            case "taps": ForEachNumber(value, property, (wi, x) => wi.SetTap(Positive(x, value, property, "a tap in per unit"), value.Location)); break;
            case "%rs": ForEachNumber(value, property, (wi, x) => wi.Rpu = x / 100.0); break;
            case "xhl" or "x12": XhlPu = TrapZero(DssValueReader.Double(value, property), 7.0) / 100.0; _xscFromArray = false; break;
            case "xht" or "x13": XhtPu = TrapZero(DssValueReader.Double(value, property), 35.0) / 100.0; _xscFromArray = false; break;
            case "xlt" or "x23": XltPu = TrapZero(DssValueReader.Double(value, property), 30.0) / 100.0; _xscFromArray = false; break;
            case "xscarray":
                double[] xsc = DssValueReader.Doubles(value, property);
                int pairs = _windings.Length * (_windings.Length - 1) / 2;
                if (xsc.Length != pairs)
                    throw new DssInputException(value.Location, $"{property}: a {_windings.Length}-winding transformer takes {pairs} values, got {xsc.Length}");
                _xsc = xsc.Select(x => x / 100.0).ToArray();
                _xscFromArray = true;
                if (pairs >= 1) XhlPu = _xsc[0];
                if (pairs >= 3) (XhtPu, XltPu) = (_xsc[1], _xsc[2]);
                break;
            case "%loadloss":
                double pct = DssValueReader.Double(value, property);
                _windings[0].Rpu = pct / 200.0;
                _windings[1].Rpu = pct / 200.0;
                break;
            case "%noloadloss": PctNoLoadLoss = DssValueReader.Double(value, property); break;
            case "%imag": PctImag = DssValueReader.Double(value, property); break;
            case "ppm_antifloat": PpmFactor = DssValueReader.Double(value, property) * 1e-6; break;
            case "maxtap": w.SetTapRange(w.MinTap, DssValueReader.Positive(value, property, "the highest tap in per unit"), value.Location); break;
            case "mintap": w.SetTapRange(DssValueReader.Positive(value, property, "the lowest tap in per unit"), w.MaxTap, value.Location); break;
            case "numtaps":
                w.NumTaps = DssValueReader.Int(value, property);
                if (w.NumTaps < 1)
                    throw new DssInputException(value.Location, $"{property}: the number of tap steps must be >= 1, got '{value}'; OpenDSS divides the tap range by it (a step of (maxtap - mintap) / 0)");
                break;
            case "bank": Bank = value.Text; break;
            case "leadlag":
                string ll = value.Text.Trim().ToLowerInvariant();
                if (ll is "lead" or "euro")
                    throw new DssInputException(value.Location, $"{property}: only the ANSI 30-degree lag connection is supported yet");
                break;
            case "xfmrcode":
                var code = model.Find<XfmrCodeElement>(value.Text)
                    ?? throw new DssInputException(value.Location, $"{property}: XfmrCode.{value.Text} is not defined (define it before the transformers that use it)");
                CopyDataFrom(code.Data);
                break;
            case "basefreq": Lines.LineElement.CheckBaseFrequency(value, property, model); break;
            case "thermal" or "n" or "m" or "flrise" or "hsrise" or "normhkva" or "emerghkva" or "sub" or "subname"
                or "xrconst" or "wdgcurrents" or "core" or "rdcohms" or "seasons" or "ratings" or "normamps" or "emergamps"
                or "faultrate" or "pctperm" or "repair":
                break;
            default:
                throw new DssInputException(value.Location, $"{property}: not supported for Transformer yet");
        }
    }

    private static double TrapZero(double value, double fallback) => value == 0.0 ? fallback : value;

    private static double Positive(double x, DssValue value, string property, string what) =>
        x > 0 ? x : throw new DssInputException(value.Location, $"{property}: {what} must be > 0, got {x} in '{value}'");

    /// <summary>
    /// Taps set in the file must lie in each winding's [mintap, maxtap], with mintap below maxtap: checked once
    /// the element is complete (the properties may come in any order), reported where the value was written.
    /// OpenDSS would solve with an out-of-range tap and clamp it only at the regulator's first move.
    /// </summary>
    internal IEnumerable<Diagnostic> CheckTaps()
    {
        for (int i = 0; i < _windings.Length; i++)
        {
            Winding w = _windings[i];
            if (w.MaxTap <= w.MinTap)
            {
                yield return Diagnostic.Error(w.TapRangeAt.IsKnown ? w.TapRangeAt : DefinedAt, string.Empty,
                    $"{FullName}: winding {i + 1}: maxtap {w.MaxTap} must be above mintap {w.MinTap} (OpenDSS would give the taps a negative step)");
            }
            else if (w.Tap < w.MinTap - 1e-12 || w.Tap > w.MaxTap + 1e-12)
            {
                yield return Diagnostic.Error(w.TapAt.IsKnown ? w.TapAt : DefinedAt, string.Empty,
                    $"{FullName}: winding {i + 1}: tap {w.Tap} is outside [mintap {w.MinTap}, maxtap {w.MaxTap}] " +
                    "(OpenDSS would solve with it and clamp it at the regulator's first move); give a tap inside, or widen mintap/maxtap");
            }
        }
    }

    private static bool ParseConnection(DssValue value, string property, string text)
    {
        string t = text.Trim().ToLowerInvariant();
        if (t.StartsWith('y') || t.StartsWith('w') || t == "ln")
            return false;
        if (t.StartsWith('d') || t == "ll")
            return true;
        throw new DssInputException(value.Location, $"{property}: unknown connection '{text}'; expected wye or delta");
    }

    private void ForEachItem(DssValue value, string property, Action<Winding, string, DssValue> apply)
    {
        string[] items = DssValueReader.Strings(value);
        if (items.Length > _windings.Length)
            throw new DssInputException(value.Location, $"{property}: {items.Length} values for {_windings.Length} windings");
        for (int i = 0; i < items.Length; i++)
            apply(_windings[i], items[i], new DssValue(items[i], value.Location, '\0'));
    }

    private void ForEachNumber(DssValue value, string property, Action<Winding, double> apply)
    {
        double[] items = DssValueReader.Doubles(value, property);
        if (items.Length > _windings.Length)
            throw new DssInputException(value.Location, $"{property}: {items.Length} values for {_windings.Length} windings");
        for (int i = 0; i < items.Length; i++)
            apply(_windings[i], items[i]);
    }
}
