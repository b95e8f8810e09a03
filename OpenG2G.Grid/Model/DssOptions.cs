using System.Collections.Immutable;

namespace OpenG2G.Grid.Model;

/// <summary>
/// Solution options set with <c>Set</c> in a DSS script, with OpenDSS's defaults: voltage bases
/// in kV line-to-line, base frequency in Hz, tolerance in per unit of the nodes' base voltage.
/// </summary>
public sealed record DssOptions
{
    /// <summary>OpenDSS's default legal voltage bases when a script sets none (kV line-to-line).</summary>
    public static readonly ImmutableArray<double> DefaultVoltageBasesKv = [0.208, 0.48, 12.47, 24.9, 34.5, 115.0, 230.0];

    public ImmutableArray<double> VoltageBasesKv { get; init; } = DefaultVoltageBasesKv;
    public double DefaultBaseFrequencyHz { get; init; } = 60.0;
    public ControlMode ControlMode { get; init; } = ControlMode.Static;
    public double Tolerance { get; init; } = 1e-4;
    public int MaxIterations { get; init; } = 15;
    public int MaxControlIterations { get; init; } = 10;
    public double LoadMultiplier { get; init; } = 1.0;

    /// <summary>Multiplier of every generator's kW and kvar except status=fixed ones (<c>Set GenMult</c>, default 1).</summary>
    public double GeneratorMultiplier { get; init; } = 1.0;

    /// <summary>Earth-return model for line impedances computed from conductor geometry (OpenDSS's default is Deri).</summary>
    public EarthModel EarthModel { get; init; } = EarthModel.Deri;
}
