using System.Numerics;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Model.Transformers;
using OpenG2G.Grid.Solver;

namespace OpenG2G.Grid.Network;

/// <summary>Connectivity and voltage bases.</summary>
public static partial class NetworkCompiler
{
    /// <summary>Every node must reach a source terminal through lines, transformers or series elements.</summary>
    private static bool CheckConnectivity(FeederNetwork net, List<Diagnostic> diagnostics, Dictionary<int, SourceLocation> firstUse)
    {
        int n = net.NodeCount;
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
                x = parent[x] = parent[parent[x]];
            return x;
        }
        void Union(int a, int b)
        {
            if (a >= 0 && b >= 0)
                parent[Find(a)] = Find(b);
        }

        foreach (var p in net.Branches)
        {
            if (p.Element is TransformerElement)
            {
                // Windings are magnetically coupled: every conductor of the transformer is one group.
                int first = p.Nodes.FirstOrDefault(x => x >= 0, -1);
                foreach (int node in p.Nodes)
                    Union(node, first);
            }
            else
            {
                int half = p.Order / 2;
                for (int i = 0; i < half; i++)
                    Union(p.Nodes[i], p.Nodes[i + half]);
            }
        }
        var energised = new HashSet<int>();
        foreach (var s in net.Sources)
            foreach (int node in s.Primitive.Nodes)
                if (node >= 0)
                    energised.Add(Find(node));

        bool ok = true;
        var reported = new HashSet<int>();
        for (int node = 0; node < n; node++)
        {
            if (energised.Contains(Find(node)))
                continue;
            int bus = net.Nodes[node].Bus;
            if (!reported.Add(bus))
                continue;
            ok = false;
            var at = firstUse.TryGetValue(node, out var loc) ? loc : SourceLocation.None;
            diagnostics.Add(Diagnostic.Error(at, string.Empty,
                $"bus '{net.Buses[bus].Name}' (node {net.NodeName(node)}) has no path to the source through lines or transformers"));
        }
        return ok;
    }

    /// <summary>
    /// OpenDSS's CalcVoltageBases: solve the network with series elements only (no loads, shunts or
    /// line capacitance) and give each bus the voltage base nearest its line-to-line voltage.
    /// </summary>
    private static void ComputeVoltageBases(FeederNetwork net)
    {
        int n = net.NodeCount;
        var entries = new List<(int, int)>();
        var prims = new List<(int[] Nodes, Complex[,] Y)>();
        foreach (var p in net.Branches)
        {
            Complex[,]? y = p.Element switch
            {
                Model.Lines.LineElement l => LinePrimitive.Build(l, net.FrequencyHz, includeShunt: false, net.Model.Options.EarthModel),
                TransformerElement t => TransformerPrimitive.Build(t, includeMagnetizing: false),
                Model.Reactors.ReactorElement r when r.Bus2 is not null => p.Y,
                _ => null,
            };
            if (y is not null)
                prims.Add((p.Nodes, y));
        }
        foreach (var s in net.Sources)
            prims.Add((s.Primitive.Nodes, s.Primitive.Y));
        for (int i = 0; i < n; i++)
            entries.Add((i, i));
        foreach (var (nodes, _) in prims)
            foreach (int a in nodes)
                foreach (int b in nodes)
                    if (a >= 0 && b >= 0)
                        entries.Add((a, b));
        var system = LinearSystems.Create(n, entries, net.NodeName);
        var values = new Complex[system.NonZeros];
        foreach (var (nodes, y) in prims)
            for (int i = 0; i < nodes.Length; i++)
                for (int j = 0; j < nodes.Length; j++)
                    if (nodes[i] >= 0 && nodes[j] >= 0)
                        values[system.IndexOf(nodes[i], nodes[j])] += y[i, j];
        // A tiny conductance to ground on every node keeps floating parts (an ungrounded delta
        // secondary without anti-float reactors) solvable; it moves no voltage by a visible amount.
        double largest = 0;
        foreach (var value in values)
            largest = Math.Max(largest, value.Magnitude);
        for (int i = 0; i < n; i++)
            values[system.IndexOf(i, i)] += new Complex(largest * 1e-12, 0);
        system.Factor(values);
        var v = new Complex[n];
        foreach (var s in net.Sources)
            AddSourceInjection(s, v);
        system.Solve(v);

        var bases = net.Model.Options.VoltageBasesKv;
        foreach (var bus in net.Buses)
        {
            if (bus.Nodes.Count == 0)
                continue;
            double kvLl = v[bus.Nodes[0].Index].Magnitude * Math.Sqrt(3.0) / 1000.0;
            double best = bases[0];
            double bestDiff = double.MaxValue;
            foreach (double b in bases)
            {
                double diff = Math.Abs(1.0 - kvLl / b);
                if (diff < bestDiff)
                {
                    bestDiff = diff;
                    best = b;
                }
            }
            bus.BaseKvLn = best / Math.Sqrt(3.0);
        }
    }

    /// <summary>Add a source's Norton injection Yprim * [Voc; 0] into <paramref name="current"/>.</summary>
    internal static void AddSourceInjection(SourceTerminal s, Span<Complex> current)
    {
        var p = s.Primitive;
        int n = s.OpenCircuitVolts.Length;
        for (int i = 0; i < p.Order; i++)
        {
            if (p.Nodes[i] < 0)
                continue;
            Complex sum = Complex.Zero;
            for (int j = 0; j < n; j++)
                sum += p.Y[i, j] * s.OpenCircuitVolts[j];
            current[p.Nodes[i]] += sum;
        }
    }
}
