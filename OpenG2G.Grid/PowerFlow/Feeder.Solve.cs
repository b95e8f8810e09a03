using System.Collections.Immutable;
using System.Numerics;
using OpenG2G.Core.States;
using OpenG2G.Grid.Control;
using OpenG2G.Grid.Model;
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
            bool controlled = ControlMode == ControlMode.Static && !(Regulators.IsEmpty && CapControllers.IsEmpty);
            if (!controlled)
                return (iterations + _solver.Iterate(Tolerance, MaxIterations), control);
            // As OpenDSS, a control iteration goes on from a solve that ran out of iterations; only the
            // last solve, after which no control acts, must converge.
            iterations += _solver.IterateUpTo(Tolerance, MaxIterations, out bool converged);
            bool acted = StaticControlStep();
            if (!acted)
            {
                if (!converged)
                    throw _solver.NotConverged(Tolerance, MaxIterations);
                return (iterations, control);
            }
            if (control >= MaxControlIterations)
            {
                var moving = Regulators.FirstOrDefault(r => r.Armed);
                if (moving is not null)
                    throw new PowerFlowNotConvergedException(control, moving.Name, Math.Abs(moving.PendingTapChange), moving.TapIncrement, "regulator control");
                // Controls still acting but none armed at this moment: name whatever acts, regulators first.
                if (CapControllers.FirstOrDefault(c => c.Armed) is { } cap)
                    throw new PowerFlowNotConvergedException(control, cap.Name, cap.LastMeasurement, 0.0, "capacitor control");
                string name = Regulators.Select(r => r.Name).Concat(CapControllers.Select(c => c.Name)).FirstOrDefault() ?? "control";
                throw new PowerFlowNotConvergedException(control, name, double.NaN, 0.0, "regulator and capacitor control");
            }
            _solver.RestampLoads();
        }
    }

    /// <summary>
    /// One static control step, OpenDSS's way: sample every regulator and capacitor control, then carry
    /// out the queued actions with the shortest delay; false when none is pending.
    /// </summary>
    private bool StaticControlStep()
    {
        var v = _solver.Voltages;
        foreach (var r in Regulators)
            r.Sample(v);
        foreach (var c in CapControllers)
            c.Sample(v, 0.0);
        double nearest = double.MaxValue;
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
        }
        foreach (var c in CapControllers)
        {
            if (c.Armed && c.DelayS == nearest)
                ActCapController(c, 0.0);
        }
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
            Taps = Taps(),
        };
    }

    /// <summary>Append the reported nodes' voltage magnitudes (pu) and angles (degrees) to the builders.</summary>
    public void ReportedVoltages(ImmutableArray<double>.Builder pu, ImmutableArray<double>.Builder angleDeg)
    {
        var v = _solver.Voltages;
        foreach (int node in _reportedNodes)
        {
            pu.Add(v[node].Magnitude / Network.NodeBaseVolts(node));
            angleDeg.Add(v[node].Phase * 180.0 / Math.PI);
        }
    }

    /// <summary>Regulator taps in feeder order.</summary>
    public ImmutableArray<TapState> Taps() =>
        Regulators.Select(r => new TapState(r.Name, r.Tap, r.TapStep)).ToImmutableArray();

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

    /// <summary>Losses of lines, transformers and capacitors (W + j var): the power flowing into them.</summary>
    public Complex Losses()
    {
        var v = _solver.Voltages;
        Complex total = Complex.Zero;
        foreach (var p in Network.Branches)
        {
            for (int i = 0; i < p.Order; i++)
            {
                if (p.Nodes[i] < 0)
                    continue;
                Complex current = Complex.Zero;
                for (int j = 0; j < p.Order; j++)
                    if (p.Nodes[j] >= 0)
                        current += p.Y[i, j] * v[p.Nodes[j]];
                total += v[p.Nodes[i]] * Complex.Conjugate(current);
            }
        }
        return total;
    }
}
