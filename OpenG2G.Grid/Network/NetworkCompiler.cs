using System.Numerics;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.Model.Capacitors;
using OpenG2G.Grid.Model.Lines;
using OpenG2G.Grid.Model.Loads;
using OpenG2G.Grid.Model.Regulators;
using OpenG2G.Grid.Model.Sources;
using OpenG2G.Grid.Model.Transformers;

namespace OpenG2G.Grid.Network;

/// <summary>
/// Compiles a <see cref="DssModel"/> into a <see cref="FeederNetwork"/>: assigns nodes, builds each
/// element's primitive admittance, checks that every node has a path to a source, and computes
/// bus voltage bases from a zero-load solution (OpenDSS's CalcVoltageBases: nearest of the
/// voltage bases to the bus's line-to-line voltage). Problems are reported with the location of
/// the element or property concerned.
/// </summary>
public static partial class NetworkCompiler
{
    public static FeederNetwork? Compile(DssModel model, List<Diagnostic> diagnostics) =>
        Compile(model, diagnostics, []);

    /// <summary>Compile with <paramref name="attachments"/> (single-phase loads whose powers change at run time).</summary>
    public static FeederNetwork? Compile(DssModel model, List<Diagnostic> diagnostics, IReadOnlyList<Attachments.AttachedLoad> attachments) =>
        Compile(model, diagnostics, attachments, []);

    /// <summary>Compile with load <paramref name="attachments"/> and scenario PV systems and batteries (<paramref name="ders"/>).</summary>
    public static FeederNetwork? Compile(DssModel model, List<Diagnostic> diagnostics, IReadOnlyList<Attachments.AttachedLoad> attachments, IReadOnlyList<Attachments.AttachedDer> ders)
    {
        int errorsBefore = diagnostics.Count(d => d.Severity == Severity.Error);
        var net = new FeederNetwork(model);
        var firstUse = new Dictionary<int, SourceLocation>();
        var pendingLoads = new List<(LoadElement Load, int[] Nodes)>();
        var pendingDers = new List<(Model.Der.PowerConversionElement, int[])>();

        if (!model.Sources.Any())
            diagnostics.Add(Diagnostic.Error(SourceLocation.None, string.Empty, "the feeder has no source: define a circuit (New Circuit.name ...)"));

        foreach (var element in model.Elements.Where(e => e.Enabled))
        {
            switch (element)
            {
                case VsourceElement s: AddSource(net, s, diagnostics, firstUse); break;
                case LineElement l: AddLine(net, l, diagnostics, firstUse); break;
                case TransformerElement t: AddTransformer(net, t, diagnostics, firstUse); break;
                case CapacitorElement c: AddCapacitor(net, c, diagnostics, firstUse); break;
                case LoadElement ld:
                    CheckLoad(ld, diagnostics);
                    AddLoad(net, ld, diagnostics, firstUse, pendingLoads);
                    break;
                case Model.Der.PowerConversionElement der: AddDerTerminal(net, der, diagnostics, firstUse, pendingDers); break;
                case Model.Der.InvControlElement ic: CheckInvControl(model, ic, diagnostics); break;
                case Model.Curves.XyCurveElement xy: CheckCurve(xy, diagnostics); break;
                case RegControlElement r: CheckRegControl(r, diagnostics); break;
                case Model.Reactors.ReactorElement x: AddReactor(net, x, diagnostics, firstUse); break;
                case CapControlElement cc: CheckCapControl(cc, diagnostics); break;
            }
        }
        if (diagnostics.Count(d => d.Severity == Severity.Error) > errorsBefore)
            return null;
        if (!CheckFiniteBranches(net, diagnostics) || !CheckConnectivity(net, diagnostics, firstUse))
            return null;
        foreach (var p in net.Branches)
            net.PrimitiveOf[p.Element] = p;
        ComputeVoltageBases(net);
        foreach (var (load, nodes) in pendingLoads)
            net.AddLoad(load, load.FullName, nodes);
        AddDers(net, pendingDers);
        if (!CheckFiniteLoads(net, diagnostics))
            return null;
        if (!AddAttachedDers(net, ders, diagnostics) | !AddAttachments(net, attachments, diagnostics))
            return null;
        return net;
    }

    private static int[]? Terminal(FeederNetwork net, DssElement e, BusSpec? bus, string what, int conductors, int phases,
        List<Diagnostic> diagnostics, Dictionary<int, SourceLocation> firstUse)
    {
        if (bus is null)
        {
            diagnostics.Add(Diagnostic.Error(e.DefinedAt, string.Empty, $"{e.FullName}: {what} is not set"));
            return null;
        }
        net.AddBus(bus.Key);
        int[] numbers = bus.NodesFor(conductors, phases);
        var nodes = new int[conductors];
        for (int i = 0; i < conductors; i++)
        {
            nodes[i] = net.NodeOf(bus.Key, numbers[i]);
            if (nodes[i] >= 0)
                firstUse.TryAdd(nodes[i], bus.Location);
        }
        return nodes;
    }

    private static void AddSource(FeederNetwork net, VsourceElement s, List<Diagnostic> d, Dictionary<int, SourceLocation> use)
    {
        var t1 = Terminal(net, s, s.Bus1, "bus1", s.Phases, s.Phases, d, use);
        var bus2 = s.Bus2 ?? s.Bus1?.Grounded(s.Phases);
        var t2 = Terminal(net, s, bus2, "bus2", s.Phases, 0, d, use);
        var y = SourcePrimitive.Build(s);
        if (y is null)
        {
            d.Add(Diagnostic.Error(s.DefinedAt, string.Empty, $"{s.FullName}: the source impedance is zero or singular"));
            return;
        }
        if (t1 is null || t2 is null)
            return;
        var prim = new Primitive(s, [.. t1, .. t2], y);
        net.Sources.Add(new SourceTerminal(s, prim, SourcePrimitive.OpenCircuitVolts(s, s.PerUnit)));
    }

    private static void AddLine(FeederNetwork net, LineElement l, List<Diagnostic> d, Dictionary<int, SourceLocation> use)
    {
        var t1 = Terminal(net, l, l.Bus1, "bus1", l.Phases, l.Phases, d, use);
        var t2 = Terminal(net, l, l.Bus2, "bus2", l.Phases, l.Phases, d, use);
        var y = LinePrimitive.Build(l, net.FrequencyHz, includeShunt: true, net.Model.Options.EarthModel);
        if (y is null)
        {
            d.Add(Diagnostic.Error(l.DefinedAt, string.Empty, $"{l.FullName}: the series impedance matrix is singular (zero impedance?)"));
            return;
        }
        if (t1 is not null && t2 is not null)
            net.Branches.Add(new Primitive(l, [.. t1, .. t2], y));
    }

    private static void AddTransformer(FeederNetwork net, TransformerElement t, List<Diagnostic> d, Dictionary<int, SourceLocation> use)
    {
        d.AddRange(t.CheckTaps());
        int nc = t.Phases + 1;
        var nodes = new List<int>();
        for (int k = 0; k < t.Windings.Count; k++)
        {
            var term = Terminal(net, t, t.Windings[k].Bus, $"the bus of winding {k + 1}", nc, t.Phases, d, use);
            if (term is null)
                return;
            nodes.AddRange(term);
        }
        Complex[,] y;
        try
        {
            y = TransformerPrimitive.Build(t, includeMagnetizing: true);
        }
        catch (InvalidOperationException e)
        {
            // Extreme but finite ratings (a kVA of 1e308) leave the winding impedance matrix singular.
            d.Add(Diagnostic.Error(t.DefinedAt, string.Empty, $"{e.Message} (check its kv, kva, %r and xhl values)"));
            return;
        }
        var prim = new Primitive(t, nodes.ToArray(), y);
        net.Branches.Add(prim);
        net.TransformerPrimitives[t] = prim;
    }

    private static void AddCapacitor(FeederNetwork net, CapacitorElement c, List<Diagnostic> d, Dictionary<int, SourceLocation> use)
    {
        var t1 = Terminal(net, c, c.Bus1, "bus1", c.Phases, c.Phases, d, use);
        var t2 = Terminal(net, c, c.Bus2 ?? c.Bus1?.Grounded(c.Phases), "bus2", c.Phases, c.Bus2 is null ? 0 : c.Phases, d, use);
        if (t1 is not null && t2 is not null)
            net.Branches.Add(new Primitive(c, [.. t1, .. t2], CapacitorPrimitive.Build(c, net.FrequencyHz, net.FrequencyHz)));
    }

    private static void AddLoad(FeederNetwork net, LoadElement l, List<Diagnostic> d, Dictionary<int, SourceLocation> use,
        List<(LoadElement, int[])> pending)
    {
        int np = l.Phases;
        int nconds = !l.IsDelta ? np + 1 : np <= 2 ? np + 1 : np;
        var nodes = Terminal(net, l, l.Bus1, "bus1", nconds, np, d, use);
        if (nodes is not null)
            pending.Add((l, nodes));
    }

    private static void CheckRegControl(RegControlElement r, List<Diagnostic> d)
    {
        if (r.Transformer is null)
        {
            d.Add(Diagnostic.Error(r.DefinedAt, string.Empty, $"{r.FullName}: transformer is not set"));
            return;
        }
        int windings = r.Transformer.Windings.Count;
        if (r.Winding > windings || r.TapWinding > windings)
            d.Add(Diagnostic.Error(r.DefinedAt, string.Empty, $"{r.FullName}: winding {Math.Max(r.Winding, r.TapWinding)} does not exist on {r.Transformer.FullName} ({windings} windings)"));
        if (r.Reversible && r.Transformer.Windings.Count != 2)
            d.Add(Diagnostic.Error(r.DefinedAt, string.Empty, $"{r.FullName}: reversible control needs a 2-winding transformer; {r.Transformer.FullName} has {r.Transformer.Windings.Count}"));
        if (r.PtPhase > r.Transformer.Phases)
            d.Add(Diagnostic.Error(r.DefinedAt, string.Empty, $"{r.FullName}: ptphase {r.PtPhase} exceeds the {r.Transformer.Phases} phases of {r.Transformer.FullName}"));
    }

    private static void AddReactor(FeederNetwork net, Model.Reactors.ReactorElement x, List<Diagnostic> d, Dictionary<int, SourceLocation> use)
    {
        var t1 = Terminal(net, x, x.Bus1, "bus1", x.Phases, x.Phases, d, use);
        var t2 = Terminal(net, x, x.Bus2 ?? x.Bus1?.Grounded(x.Phases), "bus2", x.Phases, x.Bus2 is null ? 0 : x.Phases, d, use);
        var z = x.ImpedanceOhm();
        if (z == Complex.Zero)
        {
            d.Add(Diagnostic.Error(x.DefinedAt, string.Empty, $"{x.FullName}: zero impedance"));
            return;
        }
        if (t1 is null || t2 is null)
            return;
        int n = x.Phases;
        Complex y = 1.0 / z;
        Complex[,] prim;
        if (x.Bus2 is null && x.IsDelta)
        {
            prim = new Complex[2 * n, 2 * n];
            for (int i = 0; i < n; i++)
            {
                int j = n == 1 ? n : (i + 1) % n;
                prim[i, i] += y;
                prim[j, j] += y;
                prim[i, j] -= y;
                prim[j, i] -= y;
            }
        }
        else
        {
            var ym = new Complex[n, n];
            for (int i = 0; i < n; i++)
                ym[i, i] = y;
            prim = SmallMatrix.SeriesPrimitive(ym, null);
        }
        net.Branches.Add(new Primitive(x, [.. t1, .. t2], prim));
    }

    private static void CheckCapControl(CapControlElement c, List<Diagnostic> d)
    {
        if (c.Capacitor is null)
            d.Add(Diagnostic.Error(c.DefinedAt, string.Empty, $"{c.FullName}: capacitor is not set"));
        if (c.Element is null && c.Type != CapControlType.Time)
            d.Add(Diagnostic.Error(c.DefinedAt, string.Empty, $"{c.FullName}: element (the monitored line or transformer) is not set"));
        if (c.Element is not null && !c.Element.Enabled)
            d.Add(Diagnostic.Error(c.DefinedAt, string.Empty, $"{c.FullName}: the monitored {c.Element.FullName} is disabled"));
    }
}
