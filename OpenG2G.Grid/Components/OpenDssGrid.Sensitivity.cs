using OpenG2G.Core.Capabilities;

namespace OpenG2G.Grid.Components;

/// <summary>Voltage sensitivities per attachment phase.</summary>
public sealed partial class OpenDssGrid
{
    public VoltageSensitivity ComputeSensitivity(string attachment)
    {
        var slot = _slots.FirstOrDefault(s => s.Name.Equals(attachment, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"grid '{Name}' has no attachment named '{attachment}'", nameof(attachment));
        Span<int> branches = [-1, -1, -1];
        for (int k = 0; k < slot.Branches.Length && k < 3; k++)
            branches[k] = slot.Branches[k];
        var (dp, dq) = _feeder.Sensitivities(branches);
        return new VoltageSensitivity(_feeder.Nodes, dp, dq);
    }
}
