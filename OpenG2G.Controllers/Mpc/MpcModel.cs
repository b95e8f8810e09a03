using OpenG2G.Controllers.Batching;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.States;

namespace OpenG2G.Controllers.Mpc;

/// <summary>
/// One controlled model as the MPC sees it: its fitted curves and feasible range (the largest
/// log2(batch) whose fitted mean ITL keeps the deadline), the batch last commanded, and its state
/// at the current step with a filtered ratio of measured to fitted power.
/// </summary>
internal sealed class MpcModel
{
    private readonly double _calibrationAlpha;
    private bool _calibrated;

    public MpcModel(int site, int local, ServedModelInfo info, double itlMarginFraction, double calibrationAlpha)
    {
        Site = site;
        Local = local;
        Info = info;
        Batches = new FeasibleBatches(info.Model, info.FeasibleBatchSizes);
        Log2High = ItlBound(info, Batches, info.ItlDeadlineS * (1 - itlMarginFraction));
        _calibrationAlpha = calibrationAlpha;
        Reset();
    }

    public int Site { get; }

    /// <summary>Index of the model in its site's list.</summary>
    public int Local { get; }

    public ServedModelInfo Info { get; }

    public FeasibleBatches Batches { get; }

    /// <summary>Largest log2(batch) the ITL deadline allows (at least the smallest feasible).</summary>
    public double Log2High { get; }

    /// <summary>log2 of the batch last commanded (or observed at the first step).</summary>
    public double LastLog2 { get; set; }

    /// <summary>The batch last commanded (or observed at the first step).</summary>
    public int LastBatch { get; set; }

    /// <summary>Active replicas at the current step.</summary>
    public int Replicas { get; private set; }

    /// <summary>Measured power of the model's replicas at the current step, watts.</summary>
    public double MeasuredPowerW { get; private set; }

    /// <summary>Filtered measured / fitted power (1 before the first observation with replicas).</summary>
    public double Calibration { get; private set; }

    /// <summary>Share of the model's power on each phase at the current step.</summary>
    public ThreePhase PhaseShare { get; private set; }

    public bool IsStarted { get; private set; }

    public void Reset()
    {
        Calibration = 1.0;
        _calibrated = false;
        IsStarted = false;
        Replicas = 0;
        MeasuredPowerW = 0;
        PhaseShare = ThreePhase.Zero;
    }

    /// <summary>Reads the model's state of this step; at the first step also takes its batch as the last commanded.</summary>
    public void Observe(ModelState state, ThreePhase share)
    {
        Replicas = Math.Max(0, state.ActiveReplicas);
        MeasuredPowerW = Replicas > 0 ? state.PowerW : 0.0;
        PhaseShare = share;
        if (!IsStarted)
        {
            LastBatch = Math.Clamp(state.BatchSize, Batches.Smallest, Batches.Largest);
            LastLog2 = Math.Log2(LastBatch);
            IsStarted = true;
        }
        double fitted = Replicas * Info.Curves.PowerW(Math.Log2(Math.Max(1, state.BatchSize))).Value;
        if (Replicas == 0 || !(fitted > 0) || !double.IsFinite(state.PowerW))
            return;
        double ratio = state.PowerW / fitted;
        Calibration = _calibrated ? Calibration + _calibrationAlpha * (ratio - Calibration) : ratio;
        _calibrated = true;
    }

    // Bisection on the fitted mean ITL, which increases with the batch.
    private static double ItlBound(ServedModelInfo info, FeasibleBatches batches, double targetS)
    {
        double lo = batches.Log2Min, hi = batches.Log2Max;
        if (info.Curves.ItlS(hi).Value <= targetS)
            return hi;
        if (info.Curves.ItlS(lo).Value > targetS)
            return lo;
        for (int k = 0; k < 60; k++)
        {
            double mid = 0.5 * (lo + hi);
            if (info.Curves.ItlS(mid).Value <= targetS)
                lo = mid;
            else
                hi = mid;
        }
        return lo;
    }
}
