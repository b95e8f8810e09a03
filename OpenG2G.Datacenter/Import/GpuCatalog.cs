using System.Globalization;
using OpenG2G.Datacenter.Traces;

namespace OpenG2G.Datacenter.Import;

/// <summary>
/// GPU facts written to the library. Board limits: the ML.ENERGY SOURCE notes (H100 700 W, B200
/// 1000 W) and the highest power limit measured in the Zeus/Perseus sweeps. Idle power: Perseus'
/// measured power while blocked on communication where known (A40, A100); otherwise a documented
/// default of 10 % of the board limit, labelled as an assumption.
/// </summary>
internal static class GpuCatalog
{
    public const double DefaultIdleFraction = 0.10;

    public static List<GpuInfo> Build(IEnumerable<PowerCapResponse> powerCaps)
    {
        var limits = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["H100"] = 700.0,
            ["B200"] = 1000.0,
        };
        foreach (var r in powerCaps)
            limits[r.Gpu] = Math.Max(limits.GetValueOrDefault(r.Gpu), r.MaxCapW);
        var measuredIdle = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["A40"] = 70.38,
            ["A100"] = TrainingProfileGenerator.A100BlockingPowerW,
        };
        return limits.Select(kv => measuredIdle.TryGetValue(kv.Key, out double idle)
                ? new GpuInfo(kv.Key, kv.Value, idle, "measured: Perseus SOSP'24 blocking power (GPU waiting on communication)")
                : new GpuInfo(kv.Key, kv.Value, kv.Value * DefaultIdleFraction,
                    string.Create(CultureInfo.InvariantCulture, $"assumed: {DefaultIdleFraction * 100} % of the {kv.Value} W board limit (no licensed idle measurement)")))
            .ToList();
    }
}
