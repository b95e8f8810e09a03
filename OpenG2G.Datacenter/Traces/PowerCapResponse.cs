using System.Collections.Immutable;
using System.Globalization;
using OpenG2G.Core.Capabilities;
using OpenG2G.Datacenter.Fits;

namespace OpenG2G.Datacenter.Traces;

/// <summary>
/// Measured response of one training workload to a GPU power limit: average power per GPU and
/// throughput relative to the highest measured limit, as monotone (PCHIP) interpolations of the
/// measured points. Both reproduce the measurements exactly at each measured limit.
/// </summary>
public sealed class PowerCapResponse
{
    private readonly MonotoneCurve _power;
    private readonly MonotoneCurve _throughput;

    public PowerCapResponse(string id, string dataset, string workload, string gpu, int batchSize, int numGpus, string unit, IEnumerable<PowerCapPoint> points)
    {
        Id = id;
        Dataset = dataset;
        Workload = workload;
        Gpu = gpu;
        BatchSize = batchSize;
        NumGpus = numGpus;
        Unit = unit;
        Points = points.OrderBy(p => p.PowerLimitW).ToImmutableArray();
        if (Points.Length < 2)
            throw new ArgumentException($"power-cap response '{id}' needs at least two power limits, got {Points.Length}");
        double fastest = Points[^1].TimePerUnitS;
        var limits = Points.Select(p => p.PowerLimitW).ToArray();
        _power = new MonotoneCurve(limits, Points.Select(p => p.PowerPerGpuW).ToArray());
        _throughput = new MonotoneCurve(limits, Points.Select(p => fastest / p.TimePerUnitS).ToArray());
    }

    /// <summary>Library id, e.g. <c>perseus-sosp24/gpt3-xl/A100/b1024</c>.</summary>
    public string Id { get; }

    public string Dataset { get; }

    public string Workload { get; }

    public string Gpu { get; }

    public int BatchSize { get; }

    /// <summary>GPUs of the measured job.</summary>
    public int NumGpus { get; }

    /// <summary>Unit of work of <see cref="PowerCapPoint.TimePerUnitS"/>: <c>epoch</c> or <c>iteration</c>.</summary>
    public string Unit { get; }

    /// <summary>Measured points, ascending power limit.</summary>
    public ImmutableArray<PowerCapPoint> Points { get; }

    public double MinCapW => Points[0].PowerLimitW;

    public double MaxCapW => Points[^1].PowerLimitW;

    /// <summary>Average power per GPU in watts at <paramref name="capW"/> (and its derivative per watt of cap).</summary>
    public CurvePoint PowerPerGpuW(double capW) => _power.Evaluate(Checked(capW));

    /// <summary>Throughput relative to the highest measured limit at <paramref name="capW"/>.</summary>
    public CurvePoint ThroughputFraction(double capW) => _throughput.Evaluate(Checked(capW));

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="capW"/> is outside the measured range.</summary>
    public double Checked(double capW)
    {
        if (!(capW >= MinCapW && capW <= MaxCapW))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"power cap {capW} W is outside the measured range {MinCapW}-{MaxCapW} W of '{Id}'"));
        }
        return capW;
    }
}
