namespace OpenG2G.Grid.Model.Loads;

/// <summary>OpenDSS load models supported here (the number is OpenDSS's <c>model=</c>).</summary>
public enum LoadModel
{
    /// <summary>Constant P and Q inside [vminpu, vmaxpu].</summary>
    ConstantPq = 1,

    /// <summary>Constant impedance.</summary>
    ConstantZ = 2,

    /// <summary>Constant P, quadratic Q (motor).</summary>
    Motor = 3,

    /// <summary>P linear and Q quadratic in voltage (CVR factors 1 and 2 by default).</summary>
    LinearPQuadraticQ = 4,

    /// <summary>Constant current magnitude.</summary>
    ConstantI = 5,

    /// <summary>ZIP load: shares of constant impedance, current and power for P and for Q, and a cut-off voltage (ZIPV).</summary>
    Zipv = 8,
}
