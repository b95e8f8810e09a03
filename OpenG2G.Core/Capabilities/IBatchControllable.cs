using OpenG2G.Core.States;

namespace OpenG2G.Core.Capabilities;

/// <summary>A datacenter that accepts <c>SetBatchSize</c> commands.</summary>
public interface IBatchControllable
{
    /// <summary>Component name (command target).</summary>
    string Name { get; }

    /// <summary>Served models in scenario order.</summary>
    IReadOnlyList<ServedModelInfo> Models { get; }

    /// <summary>
    /// Share of <paramref name="model"/>'s active replicas' servers on phases A, B, C (sums to 1;
    /// all zero when the model has no active replica).
    /// </summary>
    ThreePhase PhaseShare(string model);
}
