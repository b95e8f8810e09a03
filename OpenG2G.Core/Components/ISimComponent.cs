namespace OpenG2G.Core.Components;

/// <summary>
/// What every periodic component has. Lifecycle, driven by the kernel:
/// construct (reusable setup) -> <see cref="Reset"/> -> <see cref="Start"/> -> steps and commands
/// -> <see cref="Stop"/>. A component may be reset and run again; it keeps no history of its own
/// (the kernel records states).
/// </summary>
public interface ISimComponent
{
    /// <summary>Unique name within a run; commands are routed by it.</summary>
    string Name { get; }

    /// <summary>Step period; the component steps at 0, Period, 2 Period, ...</summary>
    TimeSpan Period { get; }

    /// <summary>Return to the initial state of a run, drawing randomness only from <paramref name="context"/>.</summary>
    void Reset(RunContext context);

    /// <summary>Acquire what a run needs; called once after <see cref="Reset"/>, before the first step.</summary>
    void Start();

    /// <summary>Release what <see cref="Start"/> acquired; called once at the end of a run, also after a failure.</summary>
    void Stop();
}
