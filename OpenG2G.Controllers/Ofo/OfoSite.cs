using System.Collections.Immutable;
using OpenG2G.Controllers.Batching;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Core.States;

namespace OpenG2G.Controllers.Ofo;

/// <summary>
/// The primal side of OFO for one datacenter: a continuous x = log2(batch) and a latency dual mu per
/// model, the datacenter's sensitivity H, and the gradient step
/// g = -w_thr w R'(x)/R(b_max) + k_v (eta . H e) w P'(x)/1000 + mu L'(x) + w_switch (x - x_prev).
/// </summary>
internal sealed class OfoSite
{
    private readonly OfoOptions _options;
    private readonly BatchSite _site;
    private readonly double _powerFactor;
    private readonly double[] _throughputAtMax;
    private readonly double[] _xPrev;
    private readonly double[] _mu;
    private readonly SensitivityMatrix _h = new();

    /// <summary>Throws <see cref="ArgumentException"/> when a model's fitted throughput at its largest batch is not positive.</summary>
    public OfoSite(OfoOptions options, IBatchControllable datacenter, double powerFactor)
    {
        _options = options;
        _site = new BatchSite(datacenter);
        _powerFactor = powerFactor;
        int count = _site.Models.Length;
        _throughputAtMax = new double[count];
        for (int i = 0; i < count; i++)
        {
            double r = _site.Models[i].Curves.ThroughputTokensPerS(_site.Batches[i].Log2Max).Value;
            if (!(r > 0) || !double.IsFinite(r))
            {
                throw new ArgumentException(
                    $"the fitted throughput of '{_site.Models[i].Model}' at '{datacenter.Name}' is {r} tokens/s at its largest batch " +
                    $"{_site.Batches[i].Largest}; OFO normalises by it and needs it positive");
            }
            _throughputAtMax[i] = r;
        }
        _xPrev = new double[count];
        _mu = new double[count];
        Reset();
    }

    public string Name => _site.Name;

    public void Reset()
    {
        _site.Reset();
        Array.Fill(_xPrev, double.NaN);
        Array.Clear(_mu);
        _h.Clear();
    }

    public void RefreshSensitivity(IVoltageSensitivityProvider provider, BusPhaseIndex nodes) =>
        _h.Refresh(provider, _site.Name, _powerFactor, nodes);

    /// <summary>
    /// One OFO step for this site given the current eta (per bus-phase) and the watched positions;
    /// adds a <see cref="SetBatchSize"/> for every model whose rounded batch differs from the one in force.
    /// </summary>
    public void Step(DatacenterState state, double[] eta, int[] watched, List<Command> commands)
    {
        if (!_site.IsStarted)
        {
            _site.StartFrom(state);
            Array.Copy(_site.Log2Batch, _xPrev, _xPrev.Length);
        }

        // H^T eta, once per step; each model then needs only its phase shares.
        double[] h = _h.PuPerKw;
        double gA = 0, gB = 0, gC = 0;
        foreach (int n in watched)
        {
            double e = eta[n];
            if (e == 0.0)
                continue;
            gA += e * h[n * 3];
            gB += e * h[n * 3 + 1];
            gC += e * h[n * 3 + 2];
        }

        double[] x = _site.Log2Batch;
        for (int i = 0; i < x.Length; i++)
        {
            ServedModelInfo model = _site.Models[i];
            ModelState observed = _site.Observed(state, i);
            int replicas = Math.Max(0, observed.ActiveReplicas);
            if (replicas > 0 && double.IsFinite(observed.ItlS))
                _mu[i] = Math.Max(0.0, _mu[i] + _options.LatencyDualStepSize * (observed.ItlS - model.ItlDeadlineS));

            double voltageTerm = 0.0;
            if (replicas > 0)
            {
                ThreePhase share = _site.Datacenter.PhaseShare(model.Model);
                voltageTerm = share.A * gA + share.B * gB + share.C * gC;
            }
            double xi = x[i];
            double gradient =
                -_options.ThroughputWeight * replicas * model.Curves.ThroughputTokensPerS(xi).Derivative / _throughputAtMax[i]
                + _options.VoltageGradientScale * voltageTerm * replicas * model.Curves.PowerW(xi).Derivative / 1000.0
                + _mu[i] * model.Curves.ItlS(xi).Derivative
                + _options.SwitchingWeight * (xi - _xPrev[i]);

            _xPrev[i] = xi;
            x[i] = _site.Batches[i].Clip(xi - _options.PrimalStepSize * gradient);
            _site.CommandIfChanged(i, observed, commands);
        }
    }

    public OfoSiteSnapshot Snapshot() => new(_site.Name,
        _site.Models.Select((m, i) => new OfoModelSnapshot(m.Model, _site.Log2Batch[i], _mu[i])).ToImmutableArray());
}
