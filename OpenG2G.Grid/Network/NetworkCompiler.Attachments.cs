using OpenG2G.Core.Composition;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Attachments;
using OpenG2G.Grid.Model.Loads;

namespace OpenG2G.Grid.Network;

/// <summary>Attachments: single-phase loads at existing bus nodes, rated at the bus's base voltage.</summary>
public static partial class NetworkCompiler
{
    /// <summary>Scenario PV systems and batteries: three phases of an existing bus at its base voltage.</summary>
    private static bool AddAttachedDers(FeederNetwork net, IReadOnlyList<AttachedDer> ders, List<Diagnostic> diagnostics)
    {
        bool ok = true;
        foreach (var a in ders)
        {
            var bus = net.FindBus(a.Bus);
            int[] nodes = bus is null ? [] : [bus.NodeIndex(1), bus.NodeIndex(2), bus.NodeIndex(3)];
            if (bus is null || nodes.Any(n => n < 0))
            {
                diagnostics.Add(Diagnostic.Error(SourceLocation.None, string.Empty, bus is null
                    ? $"attachment '{a.Name}': bus '{a.Bus}' is not in the feeder"
                    : $"attachment '{a.Name}': bus '{bus.Name}' does not have all three phases 1, 2, 3"));
                ok = false;
                continue;
            }
            if (net.AttachmentBranches.ContainsKey(a.Name))
            {
                diagnostics.Add(Diagnostic.Error(SourceLocation.None, string.Empty, $"attachment '{a.Name}' is defined twice"));
                ok = false;
                continue;
            }
            bool delta = a.Connection == LoadConnection.Delta;
            a.Element.SetConnection(new Model.BusSpec(bus.Name, bus.Name, [1, 2, 3], SourceLocation.None), 3, bus.BaseKvLn * Math.Sqrt(3.0), delta);
            var connection = net.AddDer(a.Element, delta ? nodes : [.. nodes, -1], DerLaw.ConstantPq, LoadModel.ConstantPq);
            net.AttachmentBranches[a.Name] = connection.Branches.ToArray();
            net.MarkAttachmentOwner(net.LoadBranches[connection.Branches[0]].Owner);
        }
        return ok;
    }

    private static bool AddAttachments(FeederNetwork net, IReadOnlyList<AttachedLoad> attachments, List<Diagnostic> diagnostics)
    {
        bool ok = true;
        foreach (var a in attachments)
        {
            var bus = net.FindBus(a.Bus);
            if (bus is null)
            {
                diagnostics.Add(Diagnostic.Error(a.OriginAt, a.Origin, $"attachment '{a.Name}': bus '{a.Bus}' is not in the feeder"));
                ok = false;
                continue;
            }
            if (net.AttachmentBranches.ContainsKey(a.Name))
            {
                diagnostics.Add(Diagnostic.Error(SourceLocation.None, string.Empty, $"attachment '{a.Name}' is defined twice"));
                ok = false;
                continue;
            }
            var branches = new int[a.Phases.Length];
            for (int k = 0; k < a.Phases.Length; k++)
            {
                int phase = a.Phases[k];
                int next = phase % 3 + 1;
                int from = bus.NodeIndex(phase);
                int to = a.Connection == LoadConnection.Delta ? bus.NodeIndex(next) : -1;
                if (from < 0 || (a.Connection == LoadConnection.Delta && to < 0))
                {
                    string missing = from < 0 ? $"{bus.Name}.{phase}" : $"{bus.Name}.{next}";
                    diagnostics.Add(Diagnostic.Error(a.OriginAt, a.Origin,
                        $"attachment '{a.Name}': bus '{bus.Name}' has no node {missing} for its phase {phase} ({a.Connection.ToString().ToLowerInvariant()})"));
                    ok = false;
                    break;
                }
                double kvLn = bus.BaseKvLn;
                var load = new LoadElement($"{a.Name}.{phase}", SourceLocation.None)
                {
                    Phases = 1,
                    IsDelta = a.Connection == LoadConnection.Delta,
                    Kv = a.Connection == LoadConnection.Delta ? kvLn * Math.Sqrt(3.0) : kvLn,
                    Model = a.Model,
                    VminPu = a.VminPu,
                    VmaxPu = a.VmaxPu,
                    VlowPu = a.VlowPu,
                };
                load.SetPower(0, 0);
                int[] nodes = a.Connection == LoadConnection.Delta ? [from, to] : [from, -1];
                branches[k] = net.AddLoad(load, $"{a.Name}.{phase}", nodes);
                net.MarkAttachmentOwner(net.LoadBranches[branches[k]].Owner);
            }
            net.AttachmentBranches[a.Name] = branches;
            net.Attachments.Add(a);
        }
        return ok;
    }
}
