namespace OpenG2G.Grid.Model.Lines;

/// <summary>Length units of OpenDSS lines and line codes (<c>units=</c>); <see cref="None"/> means "same as the other".</summary>
public enum LengthUnits
{
    None,
    Mi,
    Kft,
    Km,
    M,
    Ft,
    In,
    Cm,
    Mm,
}

/// <summary>Conversions between <see cref="LengthUnits"/>.</summary>
public static class LengthUnitsExtensions
{
    internal static LengthUnits Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "none" => LengthUnits.None,
        "mi" or "mile" or "miles" => LengthUnits.Mi,
        "kft" => LengthUnits.Kft,
        "km" => LengthUnits.Km,
        "m" or "meter" or "meters" => LengthUnits.M,
        "ft" or "feet" => LengthUnits.Ft,
        "in" or "inch" or "inches" => LengthUnits.In,
        "cm" => LengthUnits.Cm,
        "mm" => LengthUnits.Mm,
        _ => throw new FormatException(text),
    };

    /// <summary>Metres in one unit (NaN for <see cref="LengthUnits.None"/>).</summary>
    public static double Metres(this LengthUnits units) => units switch
    {
        LengthUnits.Mi => 1609.344,
        LengthUnits.Kft => 304.8,
        LengthUnits.Km => 1000.0,
        LengthUnits.M => 1.0,
        LengthUnits.Ft => 0.3048,
        LengthUnits.In => 0.0254,
        LengthUnits.Cm => 0.01,
        LengthUnits.Mm => 0.001,
        _ => double.NaN,
    };

    /// <summary>
    /// How many <paramref name="to"/> units make one <paramref name="from"/> unit (1 when either is
    /// <see cref="LengthUnits.None"/>: OpenDSS then assumes the user's numbers already match).
    /// </summary>
    public static double Convert(LengthUnits from, LengthUnits to) =>
        from == LengthUnits.None || to == LengthUnits.None ? 1.0 : from.Metres() / to.Metres();
}
