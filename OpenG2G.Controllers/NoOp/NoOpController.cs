using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Time;

namespace OpenG2G.Controllers.NoOp;

/// <summary>
/// YAML type <c>noop</c>: steps and never commands anything. The baseline every other controller is
/// compared with (fixed batches, fixed taps).
/// </summary>
public sealed class NoOpController : ControllerBase
{
    public NoOpController(string name, TimeSpan period)
        : base(name, period)
    {
    }

    /// <inheritdoc />
    public override IReadOnlyList<Command> Step(SimTime now, ControllerInputs inputs) => Array.Empty<Command>();

    /// <inheritdoc />
    protected override void OnReset()
    {
    }
}
