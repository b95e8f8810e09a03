using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Time;

namespace OpenG2G.Controllers;

/// <summary>
/// What every built-in controller shares: its name and period, the run context kept at
/// <see cref="Reset"/>, and empty <see cref="Start"/>/<see cref="Stop"/> (controllers hold no
/// external resources). Lifecycle: construct -> Reset -> Start -> Step ... -> Stop; Reset returns the
/// controller to the state it had after construction, so a controller can run again.
/// </summary>
public abstract class ControllerBase : IController
{
    /// <summary>Throws <see cref="ArgumentException"/> for an empty name or a non-positive period.</summary>
    protected ControllerBase(string name, TimeSpan period)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("a controller needs a name", nameof(name));
        if (period <= TimeSpan.Zero)
            throw new ArgumentException($"controller '{name}' needs a positive period, got {TimeBase.Format(period)} s", nameof(period));
        Name = name;
        Period = period;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public TimeSpan Period { get; }

    /// <summary>The context of the current run (null before the first <see cref="Reset"/>).</summary>
    protected RunContext? Context { get; private set; }

    /// <inheritdoc />
    public void Reset(RunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
        OnReset();
    }

    /// <inheritdoc />
    public virtual void Start()
    {
    }

    /// <inheritdoc />
    public virtual void Stop()
    {
    }

    /// <inheritdoc />
    public abstract IReadOnlyList<Command> Step(SimTime now, ControllerInputs inputs);

    /// <summary>Forget everything learned in a previous run (duals, integrators, schedule positions).</summary>
    protected abstract void OnReset();

    /// <summary>Report <paramref name="kind"/> (e.g. <c>controller.load_shift</c>) to the run's event log.</summary>
    protected void Emit(SimTime now, string kind, string message) => Context?.Events.Emit(now, Name, kind, message);
}
