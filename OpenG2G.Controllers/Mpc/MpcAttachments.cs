using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Forecasts;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Controllers.Mpc;

/// <summary>
/// The voltage effect of the grid's forecast PV and load changes over the horizon: per bus-phase
/// and step, sum over attachments and phases of dV/dP dP + dV/dQ dQ, with dP and dQ the forecast
/// change from now to that step. Sensitivities are the grid's, refreshed with the datacenters'.
/// </summary>
internal sealed class MpcAttachments
{
    private readonly IGridForecast? _forecaster;
    private readonly Dictionary<string, (double[] DvDp, double[] DvDq)> _sensitivities = new(StringComparer.Ordinal);
    private double[] _offsets = Array.Empty<double>();

    public MpcAttachments(IGridForecast? forecaster) => _forecaster = forecaster;

    /// <summary>Voltage offset in pu of node n at step k: <c>[n * steps + k]</c>.</summary>
    public double[] OffsetsPu => _offsets;

    public void Reset()
    {
        _sensitivities.Clear();
        Array.Clear(_offsets);
    }

    /// <summary>Forget the sensitivities (they are recomputed at the next <see cref="Update"/>).</summary>
    public void Invalidate() => _sensitivities.Clear();

    /// <summary>Compute the offsets for the <paramref name="steps"/> instants <paramref name="first"/> + k <paramref name="period"/>; all zero without forecasts.</summary>
    public void Update(SimTime now, SimTime first, TimeSpan period, int steps, BusPhaseIndex nodes, IVoltageSensitivityProvider provider,
        ForecastDistorter? distorter, bool useForecast)
    {
        if (_offsets.Length != nodes.Count * steps)
            _offsets = new double[nodes.Count * steps];
        Array.Clear(_offsets);
        if (!useForecast || _forecaster is null || steps == 0)
            return;
        GridForecast current = _forecaster.Forecast(now, now, period, 1);
        GridForecast ahead = _forecaster.Forecast(now, first, period, steps);
        if (distorter is not null)
        {
            current = distorter.Apply(current);
            ahead = distorter.Apply(ahead);
        }
        for (int a = 0; a < ahead.Attachments.Length; a++)
        {
            AttachmentForecast future = ahead.Attachments[a];
            AttachmentForecast present = current.Attachments[a];
            var (dp, dq) = Sensitivity(provider, future.Name, nodes);
            for (int k = 0; k < steps; k++)
            {
                ThreePhase deltaP = future.PowerKw[k] - present.PowerKw[0];
                ThreePhase deltaQ = future.ReactivePowerKvar[k] - present.ReactivePowerKvar[0];
                for (int n = 0; n < nodes.Count; n++)
                {
                    double v = 0;
                    for (int p = 0; p < 3; p++)
                        v += dp[n * 3 + p] * deltaP[p] + dq[n * 3 + p] * deltaQ[p];
                    _offsets[n * steps + k] += v;
                }
            }
        }
    }

    private (double[] DvDp, double[] DvDq) Sensitivity(IVoltageSensitivityProvider provider, string attachment, BusPhaseIndex nodes)
    {
        if (_sensitivities.TryGetValue(attachment, out var known))
            return known;
        VoltageSensitivity s = provider.ComputeSensitivity(attachment);
        var dp = new double[nodes.Count * 3];
        var dq = new double[nodes.Count * 3];
        bool same = ReferenceEquals(s.Nodes, nodes);
        for (int n = 0; n < nodes.Count; n++)
        {
            int row = same ? n : s.Nodes.IndexOf(nodes.Nodes[n]);
            if (row < 0)
                continue;
            for (int p = 0; p < 3; p++)
            {
                dp[n * 3 + p] = s.DvDpPuPerKw(row, p);
                dq[n * 3 + p] = s.DvDqPuPerKvar(row, p);
            }
        }
        var result = (dp, dq);
        _sensitivities[attachment] = result;
        return result;
    }
}
