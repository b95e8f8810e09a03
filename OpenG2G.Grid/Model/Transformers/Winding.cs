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

    /// <summary>Where the tap was last set in the file (for range messages); unknown for the default.</summary>
    public Core.Diagnostics.SourceLocation TapAt { get; private set; }

    /// <summary>Where mintap or maxtap was last set in the file.</summary>
    public Core.Diagnostics.SourceLocation TapRangeAt { get; private set; }

    internal void SetTap(double tap, Core.Diagnostics.SourceLocation at)
    {
        Tap = tap;
        TapAt = at;
    }

    internal void SetTapRange(double min, double max, Core.Diagnostics.SourceLocation at)
    {
        MinTap = min;
        MaxTap = max;
        TapRangeAt = at;
    }

    /// <summary>Tap change per step (OpenDSS: (MaxTap - MinTap) / NumTaps).</summary>
    public double TapIncrement => NumTaps > 0 ? (MaxTap - MinTap) / NumTaps : 0.0;

    internal Winding Copy() => (Winding)MemberwiseClone();
}
