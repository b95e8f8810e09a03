using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.Model.Curves;
using OpenG2G.Grid.Model.Der;
using OpenG2G.Grid.Model.Loads;

namespace OpenG2G.Grid.Network;

/// <summary>PVSystem, Storage and Generator terminals; InvControl and XYCurve checks.</summary>
public static partial class NetworkCompiler
{
    private static void AddDerTerminal(FeederNetwork net, PowerConversionElement e, List<Diagnostic> d, Dictionary<int, SourceLocation> use,
        List<(PowerConversionElement, int[])> pending)
    {
        int np = e.Phases;
        int nconds = !e.IsDelta ? np + 1 : np <= 2 ? np + 1 : np;
        var nodes = Terminal(net, e, e.Bus1, "bus1", nconds, np, d, use);
        if (nodes is not null)
            pending.Add((e, nodes));
    }

    /// <summary>Add the pending DER phases once voltage bases are known.</summary>
    private static void AddDers(FeederNetwork net, List<(PowerConversionElement Element, int[] Nodes)> pending)
    {
        foreach (var (e, nodes) in pending)
        {
            var (law, model) = e switch
            {
                GeneratorElement { Model: 3 } => (DerLaw.ConstantPqAlways, LoadModel.ConstantPq),
                GeneratorElement { Model: 2 } or InverterElement { ConstantAdmittance: true } => (DerLaw.None, LoadModel.ConstantZ),
                _ => (DerLaw.ConstantPq, LoadModel.ConstantPq),
            };
            net.AddDer(e, nodes, law, model);
        }
    }

    private static void CheckInvControl(DssModel model, InvControlElement c, List<Diagnostic> d)
    {
        if (!c.VoltVar)
            d.Add(new Diagnostic(Severity.Warning, c.DefinedAt, string.Empty, $"{c.FullName}: no mode= given; as in OpenDSS it does nothing"));
        else if (c.VoltVarCurve is null)
            d.Add(Diagnostic.Error(c.DefinedAt, string.Empty, $"{c.FullName}: mode=VOLTVAR needs vvc_curve1= (an XYCurve)"));
        foreach (var (cls, name, at) in c.DerNames)
        {
            if (model.Find(cls, name) is not { } e)
                d.Add(Diagnostic.Error(at, string.Empty, $"{c.FullName}: derlist: {(cls == "pvsystem" ? "PVSystem" : "Storage")}.{name} is not defined"));
            else if (!e.Enabled)
                d.Add(new Diagnostic(Severity.Warning, at, string.Empty, $"{c.FullName}: derlist: {e.FullName} is disabled and is not controlled"));
        }
    }

    private static void CheckCurve(XyCurveElement c, List<Diagnostic> d)
    {
        if (c.Problem() is { } problem)
            d.Add(Diagnostic.Error(c.DefinedAt, string.Empty, $"{c.FullName}: {problem}"));
    }

    private static void CheckLoad(LoadElement l, List<Diagnostic> d)
    {
        if (l.Model == LoadModel.Zipv && l.Zipv is null)
            d.Add(Diagnostic.Error(l.ModelLocation, string.Empty, $"{l.FullName}: model=8 (ZIP) needs ZIPV=[Zp Ip Pp Zq Iq Pq Vcutoff]"));
    }
}
