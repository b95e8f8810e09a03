using System.Collections.Immutable;
using OpenG2G.Core.Components;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.Kernel;

/// <summary>
/// The discrete-event kernel. A priority queue of (time, phase, order, sequence) entries holds each
/// component's next step and every one-shot event; at one instant one-shot events and delayed
/// commands run first, then datacenters step, the grid steps with the datacenter states gathered
/// since its last step, and controllers step in declaration order, each one's undelayed commands
/// applied right after its step.
/// <para>
/// Lifecycle: <see cref="Reset"/> -> <see cref="Start"/> -> <see cref="StepInstant"/> until it returns
/// false -> <see cref="Stop"/>; <see cref="Run"/> does all of it. An external driver (RL training, an
/// interactive tool) can instead call <see cref="StepInstant"/> itself and inject commands with
/// <see cref="Dispatch"/>. Same components and seed give the same sequence of states.
/// </para>
/// </summary>
public sealed partial class Simulation
{
    private readonly ImmutableArray<IDatacenter> _datacenters;
    private readonly IGrid? _grid;
    private readonly ImmutableArray<ControllerSlot> _controllers;
    private readonly List<ISimulationObserver> _observers;
    private readonly Dictionary<string, IDatacenter> _datacentersByName;
    private readonly PriorityQueue<QueueEntry, QueueKey> _queue = new();
    private readonly List<DatacenterState> _gridSamples = new();
    private readonly ControllerBuffer[] _controllerBuffers;
    private readonly DatacenterState?[] _latestDatacenter;
    private long _sequence;
    private bool _started;

    public Simulation(SimulationSetup setup, IEnumerable<ISimulationObserver>? observers = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (setup.Duration <= TimeSpan.Zero)
            throw new ArgumentException($"run duration must be positive, got {TimeBase.Format(setup.Duration)} s", nameof(setup));

        _datacenters = setup.Datacenters.IsDefault ? ImmutableArray<IDatacenter>.Empty : setup.Datacenters;
        _grid = setup.Grid;
        _controllers = setup.Controllers.IsDefault ? ImmutableArray<ControllerSlot>.Empty : setup.Controllers;
        _observers = observers?.ToList() ?? new List<ISimulationObserver>();
        Duration = setup.Duration;

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (ISimComponent c in AllComponents())
        {
            if (!names.Add(c.Name))
                throw new ArgumentException($"two components are named '{c.Name}'; names must be unique", nameof(setup));
            if (c.Period <= TimeSpan.Zero)
                throw new ArgumentException($"component '{c.Name}' has period {TimeBase.Format(c.Period)} s; periods must be positive", nameof(setup));
        }
        foreach (ControllerSlot slot in _controllers)
        {
            if (slot.CommandDelay < TimeSpan.Zero)
                throw new ArgumentException($"controller '{slot.Controller.Name}' has a negative command delay", nameof(setup));
        }

        _datacentersByName = _datacenters.ToDictionary(d => d.Name, StringComparer.Ordinal);
        _controllerBuffers = _controllers.Select(_ => new ControllerBuffer()).ToArray();
        _latestDatacenter = new DatacenterState?[_datacenters.Length];
    }

    /// <summary>Run length; nothing happens at or after it.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The instant being (or last) processed.</summary>
    public SimTime Now { get; private set; }

    /// <summary>Lifecycle position.</summary>
    public SimulationStatus Status { get; private set; } = SimulationStatus.Created;

    /// <summary>The run's seed (set by <see cref="Reset"/>).</summary>
    public ulong Seed { get; private set; }

    /// <summary>Power-flow solves (grid steps) so far in this run.</summary>
    public long GridSteps { get; private set; }

    /// <summary>Datacenter steps (all sites) so far in this run.</summary>
    public long DatacenterSteps { get; private set; }

    /// <summary>Controller steps (all controllers) so far in this run.</summary>
    public long ControllerSteps { get; private set; }

    /// <summary>The latest grid snapshot, or null before the first grid step.</summary>
    public GridState? LatestGrid { get; private set; }

    /// <summary>The latest state of datacenter <paramref name="name"/>, or null before its first step.</summary>
    public DatacenterState? LatestDatacenter(string name)
    {
        for (int i = 0; i < _datacenters.Length; i++)
        {
            if (_datacenters[i].Name == name)
                return _latestDatacenter[i];
        }
        throw new ArgumentException($"no datacenter named '{name}' in this run", nameof(name));
    }

    /// <summary>Add an observer (before <see cref="Start"/>).</summary>
    public void AddObserver(ISimulationObserver observer)
    {
        if (_started)
            throw new InvalidOperationException("observers must be added before Start");
        _observers.Add(observer);
    }

    /// <summary>
    /// Reset every component (datacenters, grid, controllers, in that order) for a fresh run with
    /// <paramref name="seed"/>, clear the queue and schedule every component's first step at t = 0.
    /// </summary>
    public void Reset(ulong seed)
    {
        if (Status == SimulationStatus.Running || Status == SimulationStatus.Finished)
            throw new InvalidOperationException("Stop the running simulation before resetting it");

        Seed = seed;
        Now = SimTime.Zero;
        GridSteps = DatacenterSteps = ControllerSteps = 0;
        LatestGrid = null;
        Array.Clear(_latestDatacenter);
        _queue.Clear();
        _gridSamples.Clear();
        foreach (ControllerBuffer b in _controllerBuffers)
            b.Clear();
        _sequence = 0;
        _started = false;

        // Ready before the components reset, so that they may schedule one-shot events from Reset.
        Status = SimulationStatus.Ready;
        var context = new RunContext(seed, new KernelEventSink(this), new KernelScheduler(this));
        try
        {
            foreach (ISimComponent c in AllComponents())
                Invoke(c.Name, () => c.Reset(context));
        }
        catch
        {
            Status = SimulationStatus.Created;
            _queue.Clear();
            throw;
        }

        for (int i = 0; i < _datacenters.Length; i++)
            Enqueue(0, StepPhase.Datacenter, i, new QueueEntry(StepPhase.Datacenter, i, null));
        if (_grid is not null)
            Enqueue(0, StepPhase.Grid, 0, new QueueEntry(StepPhase.Grid, 0, null));
        for (int i = 0; i < _controllers.Length; i++)
            Enqueue(0, StepPhase.Controller, i, new QueueEntry(StepPhase.Controller, i, null));
    }

    /// <summary>Start every component (same order as <see cref="Reset"/>).</summary>
    public void Start()
    {
        if (Status != SimulationStatus.Ready)
            throw new InvalidOperationException($"Start needs a reset simulation; it is {Status}");
        _started = true;
        Status = SimulationStatus.Running;
        foreach (ISimComponent c in AllComponents())
            Invoke(c.Name, c.Start);
    }

    /// <summary>
    /// Stop every started component in reverse order (controllers last to first, grid, datacenters
    /// last to first). Every component is stopped even if one throws; the first failure is rethrown.
    /// </summary>
    public void Stop()
    {
        if (!_started)
        {
            Status = SimulationStatus.Stopped;
            return;
        }
        _started = false;
        Status = SimulationStatus.Stopped;
        Exception? first = null;
        foreach (ISimComponent c in AllComponents().Reverse())
        {
            try
            {
                Invoke(c.Name, c.Stop);
            }
            catch (Exception ex)
            {
                first ??= ex;
            }
        }
        try
        {
            ReportUnappliedCommands();
        }
        catch (Exception ex)
        {
            first ??= ex;
        }
        if (first is not null)
            throw first;
    }

    /// <summary>
    /// Reset with <paramref name="seed"/>, start, process every instant before <see cref="Duration"/>,
    /// and stop (also when a component fails or <paramref name="cancellation"/> fires).
    /// <paramref name="afterInstant"/> is called after each instant (for progress displays).
    /// </summary>
    public void Run(ulong seed, CancellationToken cancellation = default, Action<SimTime>? afterInstant = null)
    {
        Reset(seed);
        Start();
        try
        {
            while (StepInstant())
            {
                afterInstant?.Invoke(Now);
                cancellation.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            Stop();
        }
    }

    private IEnumerable<ISimComponent> AllComponents()
    {
        foreach (IDatacenter d in _datacenters)
            yield return d;
        if (_grid is not null)
            yield return _grid;
        foreach (ControllerSlot s in _controllers)
            yield return s.Controller;
    }
}
