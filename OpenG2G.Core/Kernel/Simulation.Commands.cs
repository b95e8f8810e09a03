using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Core.Events;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.Kernel;

public sealed partial class Simulation
{
    private const string DriverSource = "driver";

    /// <summary>
    /// Route <paramref name="command"/> to its target: now when <paramref name="delay"/> is zero,
    /// otherwise at <see cref="Now"/> + delay before anything steps at that instant. A delayed command
    /// due at or after the end of the run is never applied and is reported as an event at Stop.
    /// <paramref name="source"/> names the issuer in the command log (<c>driver</c> by default).
    /// </summary>
    public void Dispatch(Command command, TimeSpan delay = default, string source = DriverSource)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Status != SimulationStatus.Running && Status != SimulationStatus.Finished)
            throw new InvalidOperationException($"commands can be dispatched only to a started simulation; it is {Status}");
        if (delay < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "command delay must not be negative");

        if (delay == TimeSpan.Zero)
        {
            ApplyCommand(Now, source, command);
            return;
        }
        long at = checked(Now.Ticks + delay.Ticks);
        Enqueue(at, StepPhase.OneShot, 0, new QueueEntry(StepPhase.OneShot, 0, new PendingCommand(Now, source, command)));
    }

    private void ApplyCommand(SimTime issuedAt, string source, Command command)
    {
        switch (command)
        {
            case DatacenterCommand dc:
                if (!_datacentersByName.TryGetValue(dc.Target, out IDatacenter? datacenter))
                {
                    throw new SimulationException(Now, source,
                        $"{command.GetType().Name} targets '{dc.Target}', which is not a datacenter of this run " +
                        $"(datacenters: {NameList(_datacenters.Select(d => d.Name))})");
                }
                Invoke(datacenter.Name, () => datacenter.Apply(dc, Now));
                break;
            case GridCommand g:
                if (_grid is null || _grid.Name != g.Target)
                {
                    throw new SimulationException(Now, source,
                        $"{command.GetType().Name} targets '{g.Target}', which is not the grid of this run " +
                        $"(grid: {(_grid is null ? "none" : "'" + _grid.Name + "'")})");
                }
                Invoke(_grid.Name, () => _grid.Apply(g, Now));
                break;
            default:
                throw new SimulationException(Now, source,
                    $"command type {command.GetType().Name} is neither a datacenter nor a grid command");
        }
        var record = new CommandRecord(issuedAt, Now, source, command);
        Notify(o => o.OnCommand(record));
    }

    private void ReportUnappliedCommands()
    {
        var pending = new List<(QueueKey Key, PendingCommand Command)>();
        foreach ((QueueEntry entry, QueueKey key) in _queue.UnorderedItems)
        {
            if (entry.Payload is PendingCommand c)
                pending.Add((key, c));
        }
        foreach ((QueueKey key, PendingCommand c) in pending.OrderBy(p => p.Key))
        {
            var e = new SimEvent(Now, "kernel", "kernel.command_not_applied",
                $"{c.Command} from {c.Source}, issued at t={c.IssuedAt}, was due at t={new SimTime(key.Ticks)}, after the end of the run");
            Notify(o => o.OnEvent(e));
        }
        _queue.Clear();
    }

    private static string NameList(IEnumerable<string> names)
    {
        string joined = string.Join(", ", names.Select(n => "'" + n + "'"));
        return joined.Length == 0 ? "none" : joined;
    }
}
