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
    private readonly IBatchControllable _datacenter;
    private readonly double _powerFactor;
    private readonly ServedModelInfo[] _models;
    private readonly FeasibleBatches[] _batches;
    private readonly double[] _throughputAtMax;
    private readonly ModelStateLookup _lookup;
    private readonly double[] _x;
    private readonly double[] _xPrev;
    private readonly double[] _mu;
    private readonly SensitivityMatrix _h = new();
    private bool _initialised;

    /// <summary>Throws <see cref="ArgumentException"/> when a model's fitted throughput at its largest batch is not positive.</summary>
    public OfoSite(OfoOptions options, IBatchControllable datacenter, double powerFactor)
    {
        _options = options;
        _datacenter = datacenter;
        _powerFactor = powerFactor;
        _models = datacenter.Models.ToArray();
        if (_models.Length == 0)
            throw new ArgumentException($"datacenter '{datacenter.Name}' serves no model for OFO to control");
        _batches = _models.Select(m => new FeasibleBatches(m.Model, m.FeasibleBatchSizes)).ToArray();
        _throughputAtMax = new double[_models.Length];
        for (int i = 0; i < _models.Length; i++)
        {
            double r = _models[i].Curves.ThroughputTokensPerS(_batches[i].Log2Max).Value;
            if (!(r > 0) || !double.IsFinite(r))
            {
                throw new ArgumentException(
                    $"the fitted throughput of '{_models[i].Model}' at '{datacenter.Name}' is {r} tokens/s at its largest batch {_batches[i].Largest}; OFO normalises by it and needs it positive");
            }
            _throughputAtMax[i] = r;
        }
        _lookup = new ModelStateLookup(datacenter.Name, _models.Select(m => m.Model).ToArray());
        _x = new double[_models.Length];
        _xPrev = new double[_models.Length];
        _mu = new double[_models.Length];
        Reset();
    }

    public string Name => _datacenter.Name;

    public void Reset()
    {
        Array.Fill(_x, double.NaN);
        Array.Fill(_xPrev, double.NaN);
        Array.Clear(_mu);
        _h.Clear();
        _initialised = false;
    }

    public void RefreshSensitivity(IVoltageSensitivityProvider provider, BusPhaseIndex nodes) =>
        _h.Refresh(provider, _datacenter.Name, _powerFactor, nodes);

    /// <summary>
    /// One OFO step for this site given the current eta (per bus-phase) and the watched positions;
    /// adds a <see cref="SetBatchSize"/> for every model whose rounded batch differs from the one in force.
    /// </summary>
    public void Step(DatacenterState state, double[] eta, int[] watched, List<Command> commands)
    {
        if (!_initialised)
            StartFrom(state);

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

        for (int i = 0; i < _models.Length; i++)
        {
            ServedModelInfo model = _models[i];
            ModelState observed = _lookup.Get(state, i);
            int replicas = Math.Max(0, observed.ActiveReplicas);
            if (replicas > 0 && double.IsFinite(observed.ItlS))
                _mu[i] = Math.Max(0.0, _mu[i] + _options.LatencyDualStepSize * (observed.ItlS - model.ItlDeadlineS));

            double x = _x[i];
            double voltageTerm = 0.0;
            if (replicas > 0)
            {
                ThreePhase share = _datacenter.PhaseShare(model.Model);
                voltageTerm = share.A * gA + share.B * gB + share.C * gC;
            }
            double dPower = model.Curves.PowerW(x).Derivative;
            double dItl = model.Curves.ItlS(x).Derivative;
            double dThroughput = model.Curves.ThroughputTokensPerS(x).Derivative;
            double gradient =
                -_options.ThroughputWeight * replicas * dThroughput / _throughputAtMax[i]
                + _options.VoltageGradientScale * voltageTerm * replicas * dPower / 1000.0
                + _mu[i] * dItl
                + _options.SwitchingWeight * (x - _xPrev[i]);

            _xPrev[i] = x;
            _x[i] = _batches[i].Clip(x - _options.PrimalStepSize * gradient);
            int batch = _batches[i].Nearest(_x[i]);
            if (batch != observed.BatchSize)
                commands.Add(new SetBatchSize(_datacenter.Name, model.Model, batch));
        }
    }

    public OfoSiteSnapshot Snapshot() => new(_datacenter.Name,
        _models.Select((m, i) => new OfoModelSnapshot(m.Model, _x[i], _mu[i])).ToImmutableArray());

    /// <summary>x starts at the batch in force (clipped into the feasible range), with no switching history.</summary>
    private void StartFrom(DatacenterState state)
    {
        for (int i = 0; i < _models.Length; i++)
        {
            int batch = _lookup.Get(state, i).BatchSize;
            _x[i] = _batches[i].Clip(Math.Log2(Math.Max(1, batch)));
            _xPrev[i] = _x[i];
        }
        _initialised = true;
    }
}
