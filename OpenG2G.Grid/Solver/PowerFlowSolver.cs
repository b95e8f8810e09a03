using System.Numerics;
using OpenG2G.Grid.Network;

namespace OpenG2G.Grid.Solver;

/// <summary>
/// OpenDSS's "Normal" current-injection power flow on the nodal admittance matrix. The matrix holds
/// every branch, source and the loads' nominal admittances; each iteration injects the sources'
/// Norton currents plus each load's compensation current (its stamped admittance times its voltage
/// minus the current its model draws) and solves with the factored matrix. The matrix is factored
/// once and re-factored only when a primitive changes; a step with new load powers only costs
/// triangular solves. Allocates nothing per iteration.
/// </summary>
internal sealed partial class PowerFlowSolver
{
    private readonly FeederNetwork _net;
    private readonly ILinearSystem _system;
    private readonly Complex[] _values;
    private readonly Complex[] _sourceCurrent;
    private readonly Complex[] _rhs;
    private readonly double[] _inverseBase;
    private readonly double[] _inverseBaseSquared;
    private readonly LoadBranch[] _loads;
    private readonly Complex[] _stampedLoadY;
    private readonly int[] _loadSlots; // 4 per load branch: ff, ft, tf, tt (-1 when ground)
    private bool _factored;
    private bool _valuesChanged;

    public PowerFlowSolver(FeederNetwork net)
    {
        _net = net;
        int n = net.NodeCount;
        var entries = new List<(int, int)>();
        for (int i = 0; i < n; i++)
            entries.Add((i, i));
        foreach (var p in AllPrimitives())
            foreach (int a in p.Nodes)
                foreach (int b in p.Nodes)
                    if (a >= 0 && b >= 0)
                        entries.Add((a, b));
        _loads = net.LoadBranches.ToArray();
        foreach (var l in _loads)
            if (l.From >= 0 && l.To >= 0)
            {
                entries.Add((l.From, l.To));
                entries.Add((l.To, l.From));
            }
        _system = LinearSystems.Create(n, entries, net.NodeName);
        _values = new Complex[_system.NonZeros];
        foreach (var p in AllPrimitives())
        {
            p.Slots = new int[p.Order * p.Order];
            for (int i = 0; i < p.Order; i++)
                for (int j = 0; j < p.Order; j++)
                    p.Slots[i * p.Order + j] = p.Nodes[i] >= 0 && p.Nodes[j] >= 0 ? _system.IndexOf(p.Nodes[i], p.Nodes[j]) : -1;
            Stamp(p, p.Y, +1);
        }
        _stampedLoadY = new Complex[_loads.Length];
        _loadSlots = new int[_loads.Length * 4];
        for (int k = 0; k < _loads.Length; k++)
        {
            var l = _loads[k];
            _loadSlots[4 * k] = l.From >= 0 ? _system.IndexOf(l.From, l.From) : -1;
            _loadSlots[4 * k + 1] = l.From >= 0 && l.To >= 0 ? _system.IndexOf(l.From, l.To) : -1;
            _loadSlots[4 * k + 2] = l.From >= 0 && l.To >= 0 ? _system.IndexOf(l.To, l.From) : -1;
            _loadSlots[4 * k + 3] = l.To >= 0 ? _system.IndexOf(l.To, l.To) : -1;
            StampLoad(k, FeederNetwork.NominalAdmittance(l));
        }
        _sourceCurrent = new Complex[n];
        RefreshSourceCurrent();
        _rhs = new Complex[n];
        Voltages = new Complex[n];
        _inverseBase = new double[n];
        _inverseBaseSquared = new double[n];
        for (int i = 0; i < n; i++)
        {
            double vb = net.NodeBaseVolts(i);
            _inverseBase[i] = vb > 0 ? 1.0 / vb : 1.0;
            _inverseBaseSquared[i] = _inverseBase[i] * _inverseBase[i];
        }
        _valuesChanged = true;
    }

    /// <summary>Node voltages in volts (node to ground), the present iterate or solution.</summary>
    public Complex[] Voltages { get; }

    public FeederNetwork Network => _net;

    public int LoadCount => _loads.Length;

    public ref LoadBranch Load(int index) => ref _loads[index];

    /// <summary>Model-3 generators whose reactive power the iteration moves.</summary>
    public List<VoltageRegulatingGenerator> RegulatingGenerators { get; } = new();

    internal ReadOnlySpan<LoadBranch> Loads => _loads;

    internal ILinearSystem System => _system;

    /// <summary>Times the matrix was factored or re-factored (for tests and benchmarks).</summary>
    public int Factorizations { get; private set; }

    private IEnumerable<Primitive> AllPrimitives() => _net.Branches.Concat(_net.Sources.Select(s => s.Primitive));

    /// <summary>Replace a primitive's admittance (a tap move, a switch): re-stamps its entries; the next solve re-factors.</summary>
    public void Restamp(Primitive p, Complex[,] newY)
    {
        Stamp(p, p.Y, -1);
        p.Y = newY;
        Stamp(p, newY, +1);
        _valuesChanged = true;
    }

    /// <summary>Recompute the source injections after a source voltage change.</summary>
    public void RefreshSourceCurrent()
    {
        Array.Clear(_sourceCurrent);
        foreach (var s in _net.Sources)
            NetworkCompiler.AddSourceInjection(s, _sourceCurrent);
    }

    private void Stamp(Primitive p, Complex[,] y, int sign)
    {
        int n = p.Order;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                int slot = p.Slots[i * n + j];
                if (slot >= 0)
                    _values[slot] += sign * y[i, j];
            }
    }

    private void StampLoad(int k, Complex y)
    {
        Complex delta = y - _stampedLoadY[k];
        _stampedLoadY[k] = y;
        if (_loadSlots[4 * k] >= 0) _values[_loadSlots[4 * k]] += delta;
        if (_loadSlots[4 * k + 1] >= 0) _values[_loadSlots[4 * k + 1]] -= delta;
        if (_loadSlots[4 * k + 2] >= 0) _values[_loadSlots[4 * k + 2]] -= delta;
        if (_loadSlots[4 * k + 3] >= 0) _values[_loadSlots[4 * k + 3]] += delta;
        _valuesChanged = true;
    }

    /// <summary>
    /// Re-stamp every load's nominal admittance (call before a re-factorisation that happens anyway,
    /// so the matrix tracks the loads and the fixed point converges fast).
    /// </summary>
    public void RestampLoads()
    {
        for (int k = 0; k < _loads.Length; k++)
            StampLoad(k, FeederNetwork.NominalAdmittance(_loads[k]));
    }

    /// <summary>Factor (first time) or re-factor when values changed.</summary>
    public void EnsureFactored()
    {
        if (!_valuesChanged && _factored)
            return;
        if (_factored)
            _system.Refactor(_values);
        else
            _system.Factor(_values);
        _factored = true;
        _valuesChanged = false;
        Factorizations++;
    }

    /// <summary>Whether the next solve needs a (re-)factorisation.</summary>
    public bool NeedsFactorization => _valuesChanged || !_factored;
}
