using System.Collections.Immutable;

namespace OpenG2G.Core.Capabilities;

/// <summary>A grid whose regulator taps accept <c>SetTaps</c> commands.</summary>
public interface ITapChanger
{
    /// <summary>Regulators in feeder order.</summary>
    ImmutableArray<RegulatorInfo> Regulators { get; }
}

/// <summary>A voltage regulator (a RegControl and the winding it moves).</summary>
/// <param name="Name">RegControl name (lower-case).</param>
/// <param name="Transformer">Transformer the regulator moves.</param>
/// <param name="Bus">Bus of the regulated winding.</param>
/// <param name="Phases">Phase numbers (1..3) the winding connects.</param>
/// <param name="MinTapRatio">Lowest tap ratio (pu).</param>
/// <param name="MaxTapRatio">Highest tap ratio (pu).</param>
/// <param name="StepRatio">Tap ratio change per step (pu).</param>
public sealed record RegulatorInfo(
    string Name,
    string Transformer,
    string Bus,
    ImmutableArray<int> Phases,
    double MinTapRatio,
    double MaxTapRatio,
    double StepRatio);
