using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;
using OpenG2G.Core.States;
using OpenG2G.Grid.Control;
using OpenG2G.Grid.Der;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.Network;
using OpenG2G.Grid.Solver;

namespace OpenG2G.Grid.PowerFlow;

/// <summary>Solving, with static regulator control, and results.</summary>
public sealed partial class Feeder
{
    /// <summary>
    /// Solve the power flow. In <see cref="ControlMode.Static"/> the regulators then act, OpenDSS's
    /// way, and the flow is solved again until no tap moves. Throws
    /// <see cref="PowerFlowNotConvergedException"/> when the flow or the control loop does not converge.
    /// </summary>
    public PowerFlowResult Solve(bool coldStart = false)
    {
        var (iterations, controlIterations) = SolveVoltages(coldStart);
        return BuildResult(iterations, controlIterations);
    }

    /// <summary>Solve without building a result (hot path); returns power-flow and control iterations.</summary>
    public (int Iterations, int ControlIterations) SolveVoltages(bool coldStart = false)
    {
        DispatchDers();
        if (coldStart || !_solvedOnce)
        {
            _solver.ColdStart();
            _solvedOnce = true;
        }
        else if (_solver.NeedsFactorization)
        {
            _solver.RestampLoads();
        }
        int iterations = 0;
        int control = 0;
        while (true)
        {
            control++;
            bool controlled = ControlMode == ControlMode.Static && !(Regulators.IsEmpty && CapControllers.IsEmpty && InvControllers.IsEmpty)
                || ControlMode == ControlMode.Timed && !InvControllers.IsEmpty;
            if (!controlled)
                return (iterations + _solver.Iterate(Tolerance, MaxIterations), control);
            // As OpenDSS, a control iteration goes on from a solve that ran out of iterations; only the
            // last solve, after which no control acts, must converge.
            iterations += _solver.IterateUpTo(Tolerance, MaxIterations, out bool converged);
            bool acted = StaticControlStep(control, inverterOnly: ControlMode == ControlMode.Timed);
            if (!acted)
            {
                if (!converged)
                    throw _solver.NotConverged(Tolerance, MaxIterations);
                return (iterations, control);
            }
            if (control >= MaxControlIterations)
                throw ControlNotConverged(control);
            _solver.RestampLoads();
        }
    }

    /// <summary>The control loop ran out of iterations: name a control still armed, else the last one that acted.</summary>
    private PowerFlowNotConvergedException ControlNotConverged(int control)
    {
        if (Regulators.FirstOrDefault(r => r.Armed) is { } moving)
            return new PowerFlowNotConvergedException(control, moving.Name, Math.Abs(moving.PendingTapChange), moving.TapIncrement, "regulator control");
        if (InvControllers.FirstOrDefault(c => c.Armed) is { } inverter)
            return new PowerFlowNotConvergedException(control, inverter.Name, inverter.LastVoltageChangePu, inverter.Control.VoltageChangeTolerancePu, "inverter control");
        if (CapControllers.FirstOrDefault(c => c.Armed) is { } cap)
            return new PowerFlowNotConvergedException(control, cap.Name, cap.LastMeasurement, 0.0, "capacitor control");
        return _lastActor switch
        {
            Regulator r => new PowerFlowNotConvergedException(control, r.Name, r.TapIncrement, r.TapIncrement, "regulator control"),
            InvController i => new PowerFlowNotConvergedException(control, i.Name, i.LastVoltageChangePu, i.Control.VoltageChangeTolerancePu, "inverter control"),
            CapController c => new PowerFlowNotConvergedException(control, c.Name, c.LastMeasurement, 0.0, "capacitor control"),
            _ => new PowerFlowNotConvergedException(control, "(none)", 0.0, 0.0, "control"),
        };
    }

    /// <summary>The control that acted last in a static step (for the message when the loop runs out).</summary>
    private object? _lastActor;

    /// <summary>
    /// One static control step, OpenDSS's way: sample every regulator, capacitor control and InvControl,
    /// then carry out the queued actions with the shortest delay (InvControls act without delay);
    /// false when none is pending. <paramref name="inverterOnly"/>: timed mode, where regulators and
    /// capacitors move as kernel events and only InvControls act within the solve.
    /// </summary>
    private bool StaticControlStep(int controlIteration, bool inverterOnly)
    {
        var v = _solver.Voltages;
        bool inverters = SampleInverterControls(controlIteration);
        if (inverterOnly)
        {
            if (inverters)
                ActInverterControls();
            return inverters;
        }
        foreach (var r in Regulators)
        {
            r.Sample(v);
            if (r.Armed && r.InBand)
                r.Armed = false; // back in band: OpenDSS deletes the queued tap change
        }
        foreach (var c in CapControllers)
            c.Sample(v, 0.0);
        double nearest = inverters ? 0.0 : double.MaxValue;
        foreach (var r in Regulators)
            if (r.Armed)
                nearest = Math.Min(nearest, r.Control.DelayS);
        foreach (var c in CapControllers)
            if (c.Armed)
                nearest = Math.Min(nearest, c.DelayS);
        if (nearest == double.MaxValue)
            return false;
        foreach (var r in Regulators)
        {
            if (!r.Armed || r.Control.DelayS != nearest)
                continue;
            r.Armed = false;
            if (r.PendingTapChange == 0.0)
                continue;
            double change = r.StaticTapChange();
            SetTap(r, r.Tap + change);
            _lastActor = r;
        }
        foreach (var c in CapControllers)
        {
            if (c.Armed && c.DelayS == nearest && ActCapController(c, 0.0))
                _lastActor = c;
        }
        if (inverters && nearest == 0.0)
            ActInverterControls();
        return true;
    }

    /// <summary>The result of the last solve (see <see cref="SolveVoltages"/>), with its iteration counts.</summary>
    public PowerFlowResult Result(int iterations, int controlIterations) => BuildResult(iterations, controlIterations);

    private PowerFlowResult BuildResult(int iterations, int controlIterations)
    {
        var v = _solver.Voltages;
        int n = _reportedNodes.Length;
        var pu = ImmutableArray.CreateBuilder<double>(n);
        var volts = ImmutableArray.CreateBuilder<double>(n);
        var angle = ImmutableArray.CreateBuilder<double>(n);
        foreach (int node in _reportedNodes)
        {
            double mag = v[node].Magnitude;
            volts.Add(mag);
            pu.Add(mag / Network.NodeBaseVolts(node));
            angle.Add(v[node].Phase * 180.0 / Math.PI);
        }
        Complex source = SourcePower();
        Complex losses = Losses();
        Complex shunts = ShuntPower();
        return new PowerFlowResult
        {
            Nodes = Nodes,
            VoltagePu = pu.MoveToImmutable(),
            VoltageVolts = volts.MoveToImmutable(),
            AngleDeg = angle.MoveToImmutable(),
            Iterations = iterations,
            ControlIterations = controlIterations,
            SourcePowerKw = source.Real / 1000.0,
            SourceReactivePowerKvar = source.Imaginary / 1000.0,
            LossesKw = losses.Real / 1000.0,
            LossesKvar = losses.Imaginary / 1000.0,
            ShuntKw = shunts.Real / 1000.0,
            ShuntKvar = shunts.Imaginary / 1000.0,
            Taps = Taps(),
        };
    }

    /// <summary>Append the reported nodes' voltage magnitudes (pu) and angles (degrees) to the builders.</summary>
    public void ReportedVoltages(ImmutableArray<double>.Builder pu, ImmutableArray<double>.Builder angleDeg)
    {
        var v = _solver.Voltages;
        for (int k = 0; k < _reportedNodes.Length; k++)
        {
            Complex vk = v[_reportedNodes[k]];
            pu.Add(vk.Magnitude / _reportedBaseVolts[k]);
            angleDeg.Add(vk.Phase * 180.0 / Math.PI);
        }
    }

    /// <summary>
    /// The reported nodes' voltage magnitudes (pu) into <paramref name="pu"/> and, unless it is empty,
    /// their angles (degrees) into <paramref name="angleDeg"/>; both in <see cref="Nodes"/> order, of
    /// its length. The angles are the costly half (an arctangent per node): skip them when nothing reads them.
    /// </summary>
    public void ReportedVoltages(Span<double> pu, Span<double> angleDeg)
    {
        var v = _solver.Voltages;
        int n = _reportedNodes.Length;
        if (pu.Length != n || (!angleDeg.IsEmpty && angleDeg.Length != n))
            throw new ArgumentException($"need spans of {n} values (angles may be empty)");
        for (int k = 0; k < n; k++)
            pu[k] = v[_reportedNodes[k]].Magnitude / _reportedBaseVolts[k];
        if (angleDeg.IsEmpty)
            return;
        for (int k = 0; k < n; k++)
            angleDeg[k] = v[_reportedNodes[k]].Phase * 180.0 / Math.PI;
    }

    private ImmutableArray<TapState> _taps;

    /// <summary>
    /// Regulator taps in feeder order. The same array is returned while no tap has moved since the
    /// previous call (tap states are values), so a step without tap changes allocates nothing here.
    /// </summary>
    public ImmutableArray<TapState> Taps()
    {
        var regulators = Regulators;
        bool same = !_taps.IsDefault && _taps.Length == regulators.Length;
        for (int i = 0; same && i < regulators.Length; i++)
            same = _taps[i].TapRatio.Equals(regulators[i].Tap) && _taps[i].TapStep == regulators[i].TapStep;
        if (same)
            return _taps;
        var taps = new TapState[regulators.Length];
        for (int i = 0; i < taps.Length; i++)
            taps[i] = new TapState(regulators[i].Name, regulators[i].Tap, regulators[i].TapStep);
        _taps = ImmutableCollectionsMarshal.AsImmutableArray(taps);
        return _taps;
    }

    /// <summary>Power the sources deliver into the network (W + j var).</summary>
    public Complex SourcePower()
    {
        var v = _solver.Voltages;
        Complex total = Complex.Zero;
        foreach (var s in Network.Sources)
        {
            var p = s.Primitive;
            int half = p.Order / 2;
            for (int i = 0; i < half; i++)
            {
                if (p.Nodes[i] < 0)
                    continue;
                Complex current = Complex.Zero; // into the element: Yprim V - Yprim [Voc; 0]
                for (int j = 0; j < p.Order; j++)
                {
                    Complex vj = p.Nodes[j] >= 0 ? v[p.Nodes[j]] : Complex.Zero;
                    Complex vs = j < half ? s.OpenCircuitVolts[j] : Complex.Zero;
                    current += p.Y[i, j] * (vj - vs);
                }
                total -= v[p.Nodes[i]] * Complex.Conjugate(current);
            }
        }
        return total;
    }

    /// <summary>
    /// Losses as OpenDSS reports them (Circuit.Losses, W + j var): the power flowing into every series
    /// element (lines with their charging, transformers with their core, series reactors and capacitors);
    /// shunt capacitors and shunt reactors are left out (see <see cref="ShuntPower"/>).
    /// </summary>
    public Complex Losses() => BranchPower(shunts: false);

    /// <summary>Power flowing into the shunt capacitors and shunt reactors (W + j var; a capacitor's output is negative var).</summary>
    public Complex ShuntPower() => BranchPower(shunts: true);

    private BranchTerm[]? _seriesBranches, _shuntBranches;

    private Complex BranchPower(bool shunts)
    {
        if (_seriesBranches is null)
        {
            _seriesBranches = Network.Branches.Where(p => !IsShunt(p.Element)).Select(p => new BranchTerm(p)).ToArray();
            _shuntBranches = Network.Branches.Where(p => IsShunt(p.Element)).Select(p => new BranchTerm(p)).ToArray();
        }
        var v = _solver.Voltages;
        Complex total = Complex.Zero;
        // The same branches, terms and order as summing over Network.Branches with each Y[i, j]: the sum is
        // bit for bit the same, without the two-dimensional indexing and the shunt test at every step.
        foreach (BranchTerm term in shunts ? _shuntBranches! : _seriesBranches)
        {
            Complex[] y = term.Admittance();
            int[] nodes = term.Nodes;
            int order = nodes.Length;
            for (int i = 0; i < order; i++)
            {
                if (nodes[i] < 0)
                    continue;
                Complex current = Complex.Zero;
                int row = i * order;
                for (int j = 0; j < order; j++)
                    if (nodes[j] >= 0)
                        current += y[row + j] * v[nodes[j]];
                total += v[nodes[i]] * Complex.Conjugate(current);
            }
        }
        return total;
    }

    /// <summary>
    /// A branch's admittance as a row-major copy, renewed when the primitive's matrix is replaced (a tap
    /// change assigns a new matrix; none is changed in place).
    /// </summary>
    private sealed class BranchTerm(Primitive primitive)
    {
        private Complex[,]? _source;
        private Complex[] _flat = [];

        public int[] Nodes { get; } = primitive.Nodes;

        public Complex[] Admittance()
        {
            Complex[,] y = primitive.Y;
            if (!ReferenceEquals(y, _source))
            {
                int order = Nodes.Length;
                var flat = new Complex[order * order];
                for (int i = 0; i < order; i++)
                    for (int j = 0; j < order; j++)
                        flat[i * order + j] = y[i, j];
                _flat = flat;
                _source = y;
            }
            return _flat;
        }
    }

    /// <summary>OpenDSS's IsShunt: a capacitor or reactor without a second bus, or with its second bus on the first.</summary>
    private static bool IsShunt(Model.DssElement element) => element switch
    {
        Model.Capacitors.CapacitorElement c => c.Bus2 is null || c.Bus2.Key == c.Bus1?.Key,
        Model.Reactors.ReactorElement r => r.Bus2 is null || r.Bus2.Key == r.Bus1?.Key,
        _ => false,
    };
}
