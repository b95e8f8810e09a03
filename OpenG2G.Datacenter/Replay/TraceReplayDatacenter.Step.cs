using System.Collections.Immutable;
using System.Runtime.InteropServices;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;
using OpenG2G.Datacenter.Options;

namespace OpenG2G.Datacenter.Replay;

public sealed partial class TraceReplayDatacenter
{
    public DatacenterState Step(SimTime now)
    {
        var noise = _noise ?? throw new InvalidOperationException($"datacenter '{Name}' stepped before Reset");
        long t = now.Ticks;
        foreach (var m in _models)
        {
            int target = m.Schedule.CountAt(t) + m.CommandDelta;
            if (target != m.ActiveReplicas)
                SetActiveReplicas(m, target);
        }
        if (_idleDirty)
            RecomputeIdle();

        Span<double> phase = stackalloc double[3];
        Span<double> modelPhase = stackalloc double[3];
        Span<double> modelPhaseSquares = stackalloc double[3];
        double noiseFraction = _options.NoiseFraction;
        var states = new ModelState[_models.Count];
        for (int i = 0; i < _models.Count; i++)
        {
            var m = _models[i];
            int b = m.BatchIndex;
            double modelW = 0;
            if (m.ActiveReplicas > 0)
            {
                float[] series = m.Series[b];
                int length = series.Length;
                int start = (int)(t / m.SampleTicks[b] % length);
                int count = m.Servers.Count;
                var offsets = m.SlotOffset.AsSpan(0, count);
                var weights = m.SlotWeight.AsSpan(0, count);
                var phases = m.SlotPhase.AsSpan(0, count);
                // Per-phase sums in locals (registers), not through memory: the hottest loop of a run (every
                // server at every step); each phase's sum is still taken in server order.
                double a = 0, bSum = 0, c = 0, aSquares = 0, bSquares = 0, cSquares = 0;
                for (int j = 0; j < offsets.Length; j++)
                {
                    int index = start + offsets[j];
                    if (index >= length)
                        index -= length;
                    double p = series[index] * weights[j];
                    switch (phases[j])
                    {
                        case 0:
                            a += p;
                            aSquares += p * p;
                            break;
                        case 1:
                            bSum += p;
                            bSquares += p * p;
                            break;
                        default:
                            c += p;
                            cSquares += p * p;
                            break;
                    }
                }
                modelPhase[0] = a;
                modelPhase[1] = bSum;
                modelPhase[2] = c;
                modelPhaseSquares[0] = aSquares;
                modelPhaseSquares[1] = bSquares;
                modelPhaseSquares[2] = cSquares;
                // Each server's noise is an independent N(0, (f p_j)^2), and only sums reach the grid and the
                // outputs: their sum over a model's servers on one phase is exactly N(0, f^2 sum p_j^2), drawn
                // once per (model, phase) instead of once per server.
                for (int k = 0; k < 3; k++)
                {
                    double p = modelPhase[k];
                    if (noiseFraction > 0)
                        p += noiseFraction * Math.Sqrt(modelPhaseSquares[k]) * ZigguratGaussian.Next(noise);
                    phase[k] += p;
                    modelW += p;
                }
            }
            double itl = m.Itl[b].Sample(m.ActiveReplicas, _itl!);
            states[i] = new ModelState(m.Label, m.BatchSize, m.ActiveReplicas, itl,
                m.ActiveReplicas * m.ThroughputPerReplica[b], modelW, double.NaN, m.ThroughputSource[b]);
        }

        double trainingW = 0;
        var jobs = _training.Count == 0 ? Array.Empty<TrainingJobState>() : new TrainingJobState[_training.Count];
        for (int j = 0; j < _training.Count; j++)
        {
            var job = _training[j];
            double p = job.PowerW(t);
            jobs[j] = job.State(t, p);
            double idle = p == 0 && _options.PoweredOnServers != PoweredOnServers.Serving ? job.Gpus * _idlePowerWPerGpu : 0;
            trainingW += p;
            for (int k = 0; k < 3; k++)
                phase[k] += (p + idle) * job.PhaseSplit[k];
        }
        double baseW = _options.BaseLoadKwPerPhase * 1000.0;
        double pue = _options.FacilityOverhead.Pue;
        for (int k = 0; k < 3; k++)
        {
            double it = phase[k] + _idleW[k] + baseW;
            double target = it * (pue - 1);
            _overheadW[k] = _overheadStarted ? _overheadW[k] + (target - _overheadW[k]) * _overheadAlpha : target;
            phase[k] = it + _overheadW[k];
        }
        _overheadStarted = true;
        return new DatacenterState(now, Name, new ThreePhase(phase[0], phase[1], phase[2]),
            ImmutableCollectionsMarshal.AsImmutableArray(states), trainingW)
        {
            Training = ImmutableCollectionsMarshal.AsImmutableArray(jobs),
        };
    }

    private void RecomputeIdle()
    {
        Array.Clear(_idleW);
        int n = _options.GpusPerServer;
        var mode = _options.PoweredOnServers;
        for (int s = 0; s < _pool.Count; s++)
        {
            bool on = mode == PoweredOnServers.All || (_pool.Owner[s] >= 0 && (mode == PoweredOnServers.Allocated || _pool.ActiveGpus[s] > 0));
            if (on)
                _idleW[_pool.Phase[s]] += (n - _pool.ActiveGpus[s]) * _idlePowerWPerGpu;
        }
        _idleDirty = false;
    }
}
