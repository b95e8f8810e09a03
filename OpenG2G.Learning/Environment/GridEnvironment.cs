using System.Diagnostics;
using OpenG2G.Controllers.Rl;
using OpenG2G.Core.Components;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.Metrics;
using OpenG2G.Scenarios.Loading;

namespace OpenG2G.Learning.Environment;

/// <summary>
/// The RL environment over the kernel: a scenario whose controllers are replaced by one <c>rl</c>
/// controller (the agent) driven through the kernel's external-driver mode. <c>Reset</c> builds the
/// scenario afresh (with the episode's overrides; parsed feeders and traces are cached), starts the run
/// and pauses before the agent's first step; <see cref="Step"/> hands the action to the agent, lets the
/// kernel run that step and everything up to the agent's next one (all datacenter and grid instants in
/// between), and measures the period. Because the agent is the same controller <c>openg2g run</c> runs,
/// a fixed action sequence gives the run <c>openg2g run</c> gives for the same commands, step for step.
/// The episode ends (truncated) when the scenario's duration is reached; a simulation failure throws
/// <see cref="Core.Diagnostics.SimulationException"/>.
/// </summary>
public sealed partial class GridEnvironment : IEnvironment, IEpisodeLength, IStepInfoSource
{
    private readonly EnvironmentSettings _settings;
    private Build? _build;
    private bool _buildRan;
    private Simulation? _simulation;
    private EpisodeRecorder? _recorder;
    private readonly Stopwatch _wall = new();
    private ulong _seed;
    private bool _done = true;

    /// <summary>Builds the scenario once to learn its spaces; throws <see cref="Core.Diagnostics.InvalidInputException"/> for bad input.</summary>
    public GridEnvironment(EnvironmentSettings settings)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _build = Create(settings.Overrides);
        Spaces = _build.Agent.Spaces;
    }

    /// <inheritdoc />
    public RlSpaces Spaces { get; }

    /// <summary>Agent steps in an episode of the scenario's duration (the last period may be partial).</summary>
    public int MaxEpisodeSteps
    {
        get
        {
            long period = _build!.Agent.Period.Ticks;
            return (int)((_build.Scenario.Definition.Duration.Ticks + period - 1) / period);
        }
    }

    /// <summary>The scenario of the current episode, as built.</summary>
    public BuiltScenario Scenario => _build!.Scenario;

    /// <summary>The episode's own overrides (after the settings' ones).</summary>
    public IReadOnlyList<string> EpisodeOverrides { get; private set; } = [];

    /// <summary>What the last step measured (the run summary at the end of an episode).</summary>
    public StepInfo? LastInfo { get; private set; }

    /// <summary>The kernel of the current episode (for tools that read more than the observation).</summary>
    public Simulation? Simulation => _simulation;

    /// <inheritdoc />
    public void Reset(ulong seed, Span<float> observation) => Reset(seed, observation, []);

    /// <summary>Start an episode of the scenario with <paramref name="overrides"/> added to the settings' ones.</summary>
    public void Reset(ulong seed, Span<float> observation, IReadOnlyList<string> overrides)
    {
        StopRun();
        // Every episode gets components that have never run: a reset component would start from a
        // state bit-for-bit equal to a new one only if every incremental update were undone exactly
        // (the grid's admittance matrix is updated by differences, so it is not), and an episode must
        // not depend on the ones before it. Only the constructor's build, not yet run, is used as is.
        if (_build is null || _buildRan || !_build.Overrides.SequenceEqual(_settings.Overrides.Concat(overrides), StringComparer.Ordinal))
            _build = Create(_settings.Overrides.Concat(overrides).ToList());
        _buildRan = true;
        EpisodeOverrides = overrides.ToArray();
        _seed = seed;
        _simulation = new Simulation(_build.Scenario.Setup);
        _recorder = new EpisodeRecorder(_build.Scenario, _build.Band);
        _simulation.AddObserver(_recorder);
        _wall.Restart();
        _simulation.Reset(seed);
        _simulation.Start();
        _done = false;
        LastInfo = null;
        if (!_simulation.AdvanceToStepOf(_build.Agent))
            throw new InvalidOperationException("the scenario ends before the agent's first step");
        _build.Agent.Observe(_simulation.PendingInputs(_build.Agent), observation);
    }

    /// <inheritdoc />
    public StepOutcome Step(ReadOnlySpan<int> action, Span<float> observation)
    {
        if (_done || _simulation is null || _build is null)
            throw new InvalidOperationException("the episode is over (or never started): call Reset");
        Simulation sim = _simulation;
        RlController agent = _build.Agent;
        _build.Policy.Set(action, Spaces.Action);
        double timeS = sim.Now.Seconds;
        bool more;
        try
        {
            sim.StepInstant();
            more = sim.AdvanceToStepOf(agent);
        }
        catch
        {
            StopRun();
            throw;
        }
        ControllerInputs inputs = sim.PendingInputs(agent);
        StepInfo info = _build.Meter.Measure(timeS, inputs, agent.LastSwitches);
        agent.Observe(inputs, observation);
        if (!more)
        {
            StopRun();
            info = info with { Summary = _recorder!.Summary(sim, _seed, completed: true, _wall.Elapsed.TotalSeconds) };
        }
        LastInfo = info;
        return new StepOutcome(info.Reward, Terminated: false, Truncated: !more);
    }

    private void StopRun()
    {
        if (_simulation is not null && !_done)
        {
            _done = true;
            _simulation.Stop();
        }
        _done = true;
    }

    /// <summary>One build of the scenario with its agent.</summary>
    private sealed record Build(
        IReadOnlyList<string> Overrides, BuiltScenario Scenario, RlController Agent, ExternalPolicy Policy, PeriodMeter Meter, VoltageBand Band);
}
