namespace OpenG2G.Grid.Model.Transformers;

/// <summary>One transformer winding with OpenDSS's defaults (12.47 kV, 1000 kVA, wye, 0.2 % R, taps 0.9..1.1 in 32 steps).</summary>
public sealed class Winding
{
    public BusSpec? Bus { get; internal set; }
    public bool IsDelta { get; internal set; }
    public double KvLineToLine { get; internal set; } = 12.47;
    public double Kva { get; internal set; } = 1000.0;
    public double Tap { get; internal set; } = 1.0;

    /// <summary>Winding resistance in per unit of winding 1's kVA.</summary>
    public double Rpu { get; internal set; } = 0.002;

    /// <summary>Neutral resistance in ohms; negative means an open (floating) neutral (default).</summary>
    public double RneutOhm { get; internal set; } = -1.0;

    public double XneutOhm { get; internal set; }
    public double MaxTap { get; internal set; } = 1.10;
    public double MinTap { get; internal set; } = 0.90;
    public int NumTaps { get; internal set; } = 32;

    /// <summary>Tap change per step (OpenDSS: (MaxTap - MinTap) / NumTaps).</summary>
    public double TapIncrement => NumTaps > 0 ? (MaxTap - MinTap) / NumTaps : 0.0;

    internal Winding Copy() => (Winding)MemberwiseClone();
}
