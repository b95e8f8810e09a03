using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Time;

namespace OpenG2G.Testing.Fakes;

/// <summary>A test controller whose decisions are a function of time and inputs. Not a product feature.</summary>
public sealed class ScriptedController : IController
{
    private readonly Func<SimTime, ControllerInputs, IReadOnlyList<Command>> _decide;
    private readonly LifecycleLog? _log;

    public ScriptedController(string name, TimeSpan period, Func<SimTime, ControllerInputs, IReadOnlyList<Command>>? decide = null, LifecycleLog? log = null)
    {
        Name = name;
        Period = period;
        _decide = decide ?? ((_, _) => Array.Empty<Command>());
        _log = log;
    }

    public string Name { get; }
    public TimeSpan Period { get; }

    /// <summary>Inputs seen at each step.</summary>
    public List<(SimTime Time, ControllerInputs Inputs)> Seen { get; } = new();

    public void Reset(RunContext context)
    {
        _log?.Add($"{Name}.Reset");
        Seen.Clear();
    }

    public void Start() => _log?.Add($"{Name}.Start");

    public void Stop() => _log?.Add($"{Name}.Stop");

    public IReadOnlyList<Command> Step(SimTime now, ControllerInputs inputs)
    {
        _log?.Add($"{now} {Name}.Step");
        Seen.Add((now, inputs));
        return _decide(now, inputs);
    }
}
