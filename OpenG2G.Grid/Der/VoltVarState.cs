namespace OpenG2G.Grid.Der;

/// <summary>One inverter's volt-var control variables, with OpenDSS's initial values.</summary>
internal sealed class VoltVarState
{
    public bool Pending;
    public double PresentVpu;
    public double PriorVpu;

    /// <summary>Reactive output after the last action, in pu of the headroom.</summary>
    public double OutputPu;

    /// <summary>Target of the last action, in pu of the headroom (after limits).</summary>
    public double DesiredEndPu;

    /// <summary>Reactive output after the last action, kvar (OpenDSS starts from -1).</summary>
    public double OldKvar = -1.0;

    /// <summary>The adaptive step factor (OpenDSS starts at 0.5) and the voltage change it last saw (-1: none yet).</summary>
    public double AdaptiveFactor = 0.5;
    public double PreviousDeltaV = -1.0;
}
