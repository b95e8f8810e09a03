using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Controllers.Mpc;

/// <summary>
/// The MPC's prediction model, linearised around a reference plan. At the instants
/// s_k = now + delay + k T (k = 0 .. N - 1), the power of site d on phase p changes from now by
/// dP(d, p, k) = sum over its models i of share(i, p) (c_i n(i, k) pi_i(x(i, k)) - m_i) / 1000
///             + announced training change + sum over its capped jobs of split(j, p) (P_j(cap(j, k)) - P_j(cap now)),
/// with pi_i the fitted power per replica (W) at x = log2(batch), c_i the measured/fitted
/// calibration, n the replicas (now plus announced ramps) and m_i the measured power now; and each
/// bus-phase voltage is v(n, k) = v(n, now) + sum over sites and phases of H(d, n, p) dP(d, p, k)
/// + the voltage effect of announced PV and load changes. Linearised in x and the caps, every
/// voltage is an affine function of the decisions: <see cref="ReferenceVoltage"/> at the reference
/// plan plus <see cref="BatchCoefficient"/> and <see cref="CapCoefficient"/> per unit of deviation.
/// </summary>
internal sealed class MpcPrediction
{
    private const double CurvatureStep = 1e-3;

    private readonly MpcSite[] _sites;
    private readonly MpcModel[] _models;
    private readonly MpcTrainingJob[] _jobs;
    private readonly int _steps;
    private double[] _voltage = Array.Empty<double>();

    public MpcPrediction(MpcSite[] sites, MpcModel[] models, MpcTrainingJob[] jobs, int steps)
    {
        _sites = sites;
        _models = models;
        _jobs = jobs;
        _steps = steps;
        Times = new SimTime[steps];
        XRef = new double[models.Length * steps];
        XLow = new double[models.Length * steps];
        XHigh = new double[models.Length * steps];
        URef = new double[jobs.Length * steps];
        DpDx = new double[models.Length * steps * 3];
        DpDu = new double[jobs.Length * steps * 3];
        BaseKw = new double[sites.Length * steps * 3];
        ThroughputGradient = new double[models.Length * steps];
        ThroughputCurvature = new double[models.Length * steps];
        TrainingGradient = new double[jobs.Length * steps];
    }

    public int Steps => _steps;

    public SimTime[] Times { get; }

    /// <summary>Linearisation point x(i, k) = log2 batch, <c>[i * N + k]</c>.</summary>
    public double[] XRef { get; }

    /// <summary>Bounds of x(i, k): feasible range, ITL deadline and (at k = 0) the rate limit from the last command.</summary>
    public double[] XLow { get; }

    public double[] XHigh { get; }

    /// <summary>Linearisation point of the normalised caps, <c>[j * N + k]</c>.</summary>
    public double[] URef { get; }

    /// <summary>kW per unit of x on each phase, <c>[(i * N + k) * 3 + p]</c>.</summary>
    public double[] DpDx { get; }

    /// <summary>kW per unit of normalised cap on each phase, <c>[(j * N + k) * 3 + p]</c>.</summary>
    public double[] DpDu { get; }

    /// <summary>Power change from now at the reference plan, kW per site, step and phase.</summary>
    public double[] BaseKw { get; }

    /// <summary>Weighted throughput reward per unit of x (before the minus sign of the cost).</summary>
    public double[] ThroughputGradient { get; }

    /// <summary>Weighted concavity of the throughput reward (&gt;= 0), per unit of x squared.</summary>
    public double[] ThroughputCurvature { get; }

    /// <summary>Weighted training-throughput reward per unit of normalised cap.</summary>
    public double[] TrainingGradient { get; }

    /// <summary>Predicted voltage at the reference plan of grid node n at step k (NaN for unwatched nodes).</summary>
    public double ReferenceVoltage(int node, int k) => _voltage[node * _steps + k];

    /// <summary>pu per unit of x of model <paramref name="model"/> at node <paramref name="node"/>, step k.</summary>
    public double BatchCoefficient(int node, int model, int k)
    {
        double[] h = _sites[_models[model].Site].H.PuPerKw;
        int at = (model * _steps + k) * 3;
        return h[node * 3] * DpDx[at] + h[node * 3 + 1] * DpDx[at + 1] + h[node * 3 + 2] * DpDx[at + 2];
    }

    /// <summary>pu per unit of normalised cap of job <paramref name="job"/> at node <paramref name="node"/>, step k.</summary>
    public double CapCoefficient(int node, int job, int k)
    {
        double[] h = _sites[_jobs[job].Site].H.PuPerKw;
        int at = (job * _steps + k) * 3;
        return h[node * 3] * DpDu[at] + h[node * 3 + 1] * DpDu[at + 1] + h[node * 3 + 2] * DpDu[at + 2];
    }

    /// <summary>Fill every array for this step.</summary>
    public void Compute(MpcStepInputs inputs)
    {
        for (int k = 0; k < _steps; k++)
            Times[k] = inputs.Now + inputs.Delay + inputs.Period * k;
        Array.Clear(BaseKw);
        for (int d = 0; d < _sites.Length; d++)
        {
            for (int k = 0; k < _steps; k++)
            {
                ThreePhase training = _sites[d].TrainingChangeKw(inputs.Now, Times[k], inputs.UseForecasts);
                for (int p = 0; p < 3; p++)
                    BaseKw[(d * _steps + k) * 3 + p] += training[p];
            }
        }
        for (int i = 0; i < _models.Length; i++)
            ComputeModel(i, inputs);
        for (int j = 0; j < _jobs.Length; j++)
            ComputeJob(j, inputs);
        ComputeVoltages(inputs);
    }

    private void ComputeModel(int i, MpcStepInputs inputs)
    {
        MpcModel model = _models[i];
        MpcSite site = _sites[model.Site];
        var curves = model.Info.Curves;
        double low = model.Batches.Log2Min, high = model.Log2High;
        double rate = inputs.Options.MaxLog2BatchChangePerStep;
        for (int k = 0; k < _steps; k++)
        {
            int at = i * _steps + k;
            double x = Math.Clamp(inputs.Plan?.ShiftedLog2(i, k) ?? model.LastLog2, low, high);
            XRef[at] = x;
            (XLow[at], XHigh[at]) = k > 0 ? (low, high) : FirstStepBounds(model.LastLog2, rate, low, high);
            int replicas = Math.Max(0, model.Replicas + site.ReplicaChange(model.Info.Model, inputs.Now, Times[k], inputs.UseForecasts));
            double scale = model.Calibration * replicas / 1000.0;
            var power = curves.PowerW(x);
            for (int p = 0; p < 3; p++)
            {
                double share = model.PhaseShare[p];
                DpDx[at * 3 + p] = share * scale * power.Derivative;
                BaseKw[(model.Site * _steps + k) * 3 + p] += share * (scale * power.Value - model.MeasuredPowerW / 1000.0);
            }
            double weight = inputs.Options.ThroughputWeight * replicas / inputs.ReferenceThroughput;
            double slope = curves.ThroughputTokensPerS(x).Derivative;
            double curvature = (curves.ThroughputTokensPerS(x + CurvatureStep).Derivative - curves.ThroughputTokensPerS(x - CurvatureStep).Derivative) / (2 * CurvatureStep);
            ThroughputGradient[at] = weight * slope;
            ThroughputCurvature[at] = weight * Math.Max(0.0, -curvature);
        }
    }

    // The rate limit from the last command; when the ITL bound asks for more of a drop, the bound wins.
    private static (double Low, double High) FirstStepBounds(double last, double rate, double low, double high)
    {
        double lo = Math.Max(low, last - rate), hi = Math.Min(high, last + rate);
        return lo <= hi ? (lo, hi) : (hi, hi);
    }

    private void ComputeJob(int j, MpcStepInputs inputs)
    {
        MpcTrainingJob job = _jobs[j];
        double nowKw = job.Power(job.CapW).Kw;
        for (int k = 0; k < _steps; k++)
        {
            int at = j * _steps + k;
            double u = Math.Clamp(inputs.Plan?.ShiftedCap(j, k) ?? job.U, 0, 1);
            URef[at] = u;
            bool running = job.IsRunningAt(Times[k]);
            var (kw, kwPerU) = job.Power(job.CapAt(u));
            for (int p = 0; p < 3; p++)
            {
                double split = running ? job.PhaseShare[p] : 0.0;
                DpDu[at * 3 + p] = split * kwPerU;
                BaseKw[(job.Site * _steps + k) * 3 + p] += split * (kw - nowKw);
            }
            TrainingGradient[at] = running ? inputs.Options.TrainingThroughputWeight * job.Throughput(job.CapAt(u)).PerU : 0.0;
        }
    }

    private void ComputeVoltages(MpcStepInputs inputs)
    {
        var nodes = inputs.Grid.Nodes;
        if (_voltage.Length != nodes.Count * _steps)
            _voltage = new double[nodes.Count * _steps];
        Array.Fill(_voltage, double.NaN);
        var offsets = inputs.AttachmentOffsetsPu;
        foreach (int n in inputs.Watched)
        {
            double now = inputs.Grid.VoltagePu[n];
            if (double.IsNaN(now))
                continue;
            for (int k = 0; k < _steps; k++)
            {
                double v = now + offsets[n * _steps + k];
                for (int d = 0; d < _sites.Length; d++)
                {
                    double[] h = _sites[d].H.PuPerKw;
                    int at = (d * _steps + k) * 3;
                    v += h[n * 3] * BaseKw[at] + h[n * 3 + 1] * BaseKw[at + 1] + h[n * 3 + 2] * BaseKw[at + 2];
                }
                _voltage[n * _steps + k] = v;
            }
        }
    }
}
