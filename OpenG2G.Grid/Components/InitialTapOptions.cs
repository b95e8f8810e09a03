namespace OpenG2G.Grid.Components;

/// <summary>A regulator's initial tap: by ratio (pu) or by step (ratio = 1 + step x increment); one of the two.</summary>
public sealed record InitialTapOptions
{
    /// <summary>RegControl or transformer name.</summary>
    public string Regulator { get; init; } = string.Empty;

    /// <summary>Tap ratio in pu (give this or step).</summary>
    public double? Ratio { get; init; }

    /// <summary>Tap step: ratio = 1 + step x the regulator's increment (give this or ratio).</summary>
    public int? Step { get; init; }
}
