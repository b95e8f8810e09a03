namespace OpenG2G.Controllers.Pid;

/// <summary>
/// The compensator: u = kp e + I + D with e = measurement - setpoint reduced by the deadband,
/// I integrating ki e dt, and D the derivative of the measurement (not the error, so setpoint changes do
/// not kick) through a first-order filter with time constant tf (backward Euler:
/// D = (tf D_prev + kd (y - y_prev)) / (tf + dt)). Anti-windup by clamping: the integral grows only
/// until the output reaches the limit the error pushes it towards, and is itself kept within the limits,
/// so the output leaves saturation as soon as the error changes sign.
/// </summary>
internal sealed class PidLoop
{
    private readonly double _kp;
    private readonly double _ki;
    private readonly double _kd;
    private readonly double _filterS;
    private readonly double _deadbandPu;
    private double _lastMeasurementPu;
    private bool _hasLast;

    public PidLoop(double kpKwPerPu, double kiKwPerPuS, double kdKwSPerPu, double filterS, double deadbandPu)
    {
        _kp = kpKwPerPu;
        _ki = kiKwPerPuS;
        _kd = kdKwSPerPu;
        _filterS = filterS;
        _deadbandPu = deadbandPu;
    }

    /// <summary>The integral term in kW.</summary>
    public double IntegralKw { get; private set; }

    /// <summary>The filtered derivative term in kW.</summary>
    public double DerivativeKw { get; private set; }

    public void Reset()
    {
        IntegralKw = 0;
        DerivativeKw = 0;
        _hasLast = false;
    }

    /// <summary>
    /// One update after <paramref name="dtS"/> seconds; returns the output in kW clipped to
    /// [<paramref name="lowKw"/>, <paramref name="highKw"/>] (which must be ordered; either may be infinite).
    /// </summary>
    public double Update(double measurementPu, double setpointPu, double dtS, double lowKw, double highKw)
    {
        double raw = measurementPu - setpointPu;
        double error = Math.Abs(raw) <= _deadbandPu ? 0.0 : raw - Math.CopySign(_deadbandPu, raw);

        DerivativeKw = _hasLast && _filterS + dtS > 0
            ? (_filterS * DerivativeKw + _kd * (measurementPu - _lastMeasurementPu)) / (_filterS + dtS)
            : 0.0;
        _lastMeasurementPu = measurementPu;
        _hasLast = true;

        double proportional = _kp * error;
        double candidate = IntegralKw + _ki * error * dtS;
        double others = proportional + DerivativeKw;
        // The integral follows the error only until the output reaches the limit it is pushing
        // against; it never moves against the error to get there (that would be a kick).
        if (error > 0)
            IntegralKw = Math.Min(candidate, Math.Max(IntegralKw, highKw - others));
        else if (error < 0)
            IntegralKw = Math.Max(candidate, Math.Min(IntegralKw, lowKw - others));
        IntegralKw = Math.Clamp(IntegralKw, lowKw, highKw);
        return Math.Clamp(others + IntegralKw, lowKw, highKw);
    }
}
