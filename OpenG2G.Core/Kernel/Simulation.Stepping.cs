using System.Collections.Immutable;
using OpenG2G.Core.Components;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.Kernel;

public sealed partial class Simulation
{
    /// <summary>The next instant with work before the end, or null when the run is complete.</summary>
    public SimTime? NextInstant =>
        _queue.TryPeek(out _, out QueueKey key) && key.Ticks < Duration.Ticks ? new SimTime(key.Ticks) : null;

    /// <summary>
    /// Process every entry due at the next instant (including entries scheduled for that same instant
    /// while it is processed). Returns false, doing nothing, when no instant before the end remains.
    /// A component failure is rethrown as <see cref="SimulationException"/> naming time and component.
    /// </summary>
    public bool StepInstant()
    {
        if (Status == SimulationStatus.Finished)
            return false;
        if (Status != SimulationStatus.Running)
            throw new InvalidOperationException($"StepInstant needs a started simulation; it is {Status}");

        if (NextInstant is not SimTime instant)
        {
            Status = SimulationStatus.Finished;
            return false;
        }

        Now = instant;
        while (_queue.TryPeek(out _, out QueueKey key) && key.Ticks == instant.Ticks)
            ExecuteNext();
        return true;
    }

    /// <summary>Take the first queue entry, move <see cref="Now"/> to its time and run it.</summary>
    private void ExecuteNext()
    {
        _queue.TryDequeue(out QueueEntry entry, out QueueKey key);
        Now = new SimTime(key.Ticks);
        Execute(entry);
    }

    private void Execute(QueueEntry entry)
    {
        switch (entry.Phase)
        {
            case StepPhase.OneShot:
                RunOneShot(entry.Payload!);
                break;
            case StepPhase.Datacenter:
                StepDatacenter(entry.ComponentIndex);
                break;
            case StepPhase.Grid:
                StepGrid();
                break;
            case StepPhase.Controller:
                StepController(entry.ComponentIndex);
                break;
            default:
                throw new InvalidOperationException($"unknown queue phase {entry.Phase}");
        }
    }

    private void RunOneShot(object payload)
    {
        switch (payload)
        {
            case ScheduledEvent e:
                if (!e.IsCancelled)
                    Invoke(e.Source, () => e.Action(Now));
                break;
            case PendingCommand c:
                ApplyCommand(c.IssuedAt, c.Source, c.Command);
                break;
            default:
                throw new InvalidOperationException($"unknown one-shot payload {payload.GetType().Name}");
        }
    }

    private void StepDatacenter(int index)
    {
        IDatacenter dc = _datacenters[index];
        DatacenterState state;
        try
        {
            state = dc.Step(Now);
        }
        catch (Exception ex) when (ex is not SimulationException and not OperationCanceledException)
        {
            throw new SimulationException(Now, dc.Name, ex.Message, ex);
        }
        DatacenterSteps++;
        _latestDatacenter[index] = state;
        if (_grid is not null)
            _gridSamples.Add(state);
        foreach (ControllerBuffer b in _controllerBuffers)
            b.Datacenters.Add(state);
        // Observers are called directly, not through a closure: this runs at every instant.
        foreach (ISimulationObserver o in _observers)
        {
            try
            {
                o.OnDatacenterState(state);
            }
            catch (Exception ex) when (ex is not SimulationException and not OperationCanceledException)
            {
                throw new SimulationException(Now, o.GetType().Name, ex.Message, ex);
            }
        }
        Reschedule(dc.Period, StepPhase.Datacenter, index);
    }

    private void StepGrid()
    {
        IGrid grid = _grid!;
        GridState state;
        try
        {
            state = grid.Step(Now, _gridSamples);
        }
        catch (Exception ex) when (ex is not SimulationException and not OperationCanceledException)
        {
            throw new SimulationException(Now, grid.Name, ex.Message, ex);
        }
        _gridSamples.Clear();
        GridSteps++;
        LatestGrid = state;
        foreach (ControllerBuffer b in _controllerBuffers)
            b.Grid.Add(state);
        foreach (ISimulationObserver o in _observers)
        {
            try
            {
                o.OnGridState(state);
            }
            catch (Exception ex) when (ex is not SimulationException and not OperationCanceledException)
            {
                throw new SimulationException(Now, o.GetType().Name, ex.Message, ex);
            }
        }
        Reschedule(grid.Period, StepPhase.Grid, 0);
    }

    private void StepController(int index)
    {
        ControllerSlot slot = _controllers[index];
        IController controller = slot.Controller;
        ControllerInputs inputs = InputsOf(index);
        _controllerBuffers[index].Clear();

        IReadOnlyList<Commands.Command> commands = Invoke(controller.Name, () => controller.Step(Now, inputs));
        ControllerSteps++;
        foreach (Commands.Command command in commands)
            Dispatch(command, slot.CommandDelay, controller.Name);
        Reschedule(controller.Period, StepPhase.Controller, index);
    }

    /// <summary>What controller <paramref name="index"/> would be given if it stepped now.</summary>
    private ControllerInputs InputsOf(int index)
    {
        ControllerBuffer buffer = _controllerBuffers[index];
        return new ControllerInputs(
            buffer.Grid.ToImmutableArray(),
            LatestGrid,
            buffer.Datacenters.ToImmutableArray(),
            LatestDatacenterMap());
    }

    private ImmutableDictionary<string, DatacenterState> LatestDatacenterMap()
    {
        var builder = ImmutableDictionary.CreateBuilder<string, DatacenterState>(StringComparer.Ordinal);
        for (int i = 0; i < _datacenters.Length; i++)
        {
            if (_latestDatacenter[i] is DatacenterState s)
                builder[_datacenters[i].Name] = s;
        }
        return builder.ToImmutable();
    }

    private void Reschedule(TimeSpan period, StepPhase phase, int index)
    {
        long next = checked(Now.Ticks + period.Ticks);
        if (next < Duration.Ticks)
            Enqueue(next, phase, index, new QueueEntry(phase, index, null));
    }

    private void Enqueue(long ticks, StepPhase phase, int order, QueueEntry entry) =>
        _queue.Enqueue(entry, new QueueKey(ticks, phase, order, _sequence++));

    private void Notify(Action<ISimulationObserver> action)
    {
        foreach (ISimulationObserver o in _observers)
            Invoke(o.GetType().Name, () => action(o));
    }

    private void Invoke(string component, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (ex is not SimulationException and not OperationCanceledException)
        {
            throw new SimulationException(Now, component, ex.Message, ex);
        }
    }

    private T Invoke<T>(string component, Func<T> func)
    {
        try
        {
            return func();
        }
        catch (Exception ex) when (ex is not SimulationException and not OperationCanceledException)
        {
            throw new SimulationException(Now, component, ex.Message, ex);
        }
    }

    /// <summary>States recorded since a controller's previous step.</summary>
    private sealed class ControllerBuffer
    {
        public List<GridState> Grid { get; } = new();
        public List<DatacenterState> Datacenters { get; } = new();

        public void Clear()
        {
            Grid.Clear();
            Datacenters.Clear();
        }
    }
}
