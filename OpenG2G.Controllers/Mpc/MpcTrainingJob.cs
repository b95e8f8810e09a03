using OpenG2G.Core.Capabilities;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Controllers.Mpc;

/// <summary>
/// A training job whose GPU power cap the MPC chooses: its measured cap response, and from the
/// site's announced schedule its GPUs, window, phase split and the cap in force. The decision
/// variable is u = (cap - min) / (max - min) in [0, 1]; its expected power is GPUs x the measured
/// power per GPU at the cap.
/// </summary>
internal sealed class MpcTrainingJob
{
    public MpcTrainingJob(int site, PowerCapInfo info)
    {
        Site = site;
        Info = info;
        Reset();
    }

    public int Site { get; }

    public PowerCapInfo Info { get; }

    public string Name => Info.Workload;

    public double RangeW => Info.MaxCapW - Info.MinCapW;

    /// <summary>Known from the schedule (false until a forecast names the job).</summary>
    public bool IsKnown { get; private set; }

    public int Gpus { get; private set; }

    public SimTime Start { get; private set; }

    public SimTime End { get; private set; }

    public ThreePhase PhaseShare { get; private set; }

    /// <summary>The cap last commanded (or announced in force), W per GPU.</summary>
    public double CapW { get; set; }

    public double U => RangeW > 0 ? (CapW - Info.MinCapW) / RangeW : 1.0;

    public void Reset()
    {
        IsKnown = false;
        CapW = Info.MaxCapW;
    }

    /// <summary>Take the job's schedule from the site's forecast (the first time also its cap in force).</summary>
    public void Update(TrainingJobForecast job)
    {
        Gpus = job.Gpus;
        Start = job.Start;
        End = job.End;
        PhaseShare = job.PhaseShare;
        if (!IsKnown && double.IsFinite(job.PowerCapW))
            CapW = job.PowerCapW;
        IsKnown = true;
    }

    public bool IsRunningAt(SimTime time) => IsKnown && time >= Start && time < End;

    /// <summary>Cap in watts for decision value <paramref name="u"/> (clipped to [0, 1]).</summary>
    public double CapAt(double u) => Info.MinCapW + Math.Clamp(u, 0, 1) * RangeW;

    /// <summary>Whole-job power in kW at cap <paramref name="capW"/> and its derivative per unit of u.</summary>
    public (double Kw, double KwPerU) Power(double capW)
    {
        var (value, slope) = Evaluate(Info.PowerPerGpuW, capW);
        return (Gpus * value / 1000.0, Gpus * slope * RangeW / 1000.0);
    }

    /// <summary>Throughput fraction at cap <paramref name="capW"/> and its derivative per unit of u.</summary>
    public (double Fraction, double PerU) Throughput(double capW)
    {
        var (value, slope) = Evaluate(Info.ThroughputFraction, capW);
        return (value, slope * RangeW);
    }

    // The measured responses hold their end values outside the range with zero slope; at an end of
    // the range the slope from inside is the one a move into the range sees.
    private (double Value, double Slope) Evaluate(Func<double, CurvePoint> curve, double capW)
    {
        double cap = Math.Clamp(capW, Info.MinCapW, Info.MaxCapW);
        double inside = Math.Clamp(cap, Info.MinCapW + 1e-6 * RangeW, Info.MaxCapW - 1e-6 * RangeW);
        return (curve(cap).Value, curve(inside).Derivative);
    }
}
