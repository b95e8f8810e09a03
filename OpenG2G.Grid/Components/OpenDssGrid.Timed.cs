using OpenG2G.Core.Components;
using OpenG2G.Core.Time;
using OpenG2G.Grid.Control;

namespace OpenG2G.Grid.Components;

/// <summary>
/// Timed regulator mode (OpenDSS's time-driven control): after a solve, an out-of-band regulator
/// arms and schedules one tap step at now + delay; at that instant it moves one step towards the
/// pending change (as sampled at the latest solve) and, if more is pending, schedules the next step
/// after the tap delay. A regulator back in band disarms.
/// </summary>
public sealed partial class OpenDssGrid
{
    private readonly Dictionary<Regulator, ScheduledEvent> _timed = new();
    private readonly Dictionary<CapController, ScheduledEvent> _timedCaps = new();

    private void ScheduleTimedMoves(SimTime now)
    {
        var v = _feeder.NodeVoltages;
        foreach (var reg in _feeder.Regulators)
        {
            if (reg.Sample(v))
                Schedule(reg, now + TimeBaseDelay(reg.Control.DelayS, "delay"));
        }
        foreach (var cap in _feeder.CapControllers)
        {
            bool armed = cap.Sample(v, now.Seconds);
            if (armed)
                ScheduleCapacitor(cap, now + TimeBaseDelay(cap.DelayS, "capacitor delay"));
            else if (!cap.Armed && _timedCaps.Remove(cap, out var pending))
                pending.Cancel(); // the condition cleared before the delay ran out (OpenDSS resets the control)
        }
    }

    private void ScheduleCapacitor(CapController cap, SimTime at)
    {
        var scheduler = _context?.Scheduler ?? throw new InvalidOperationException($"grid '{Name}' was not reset with a run context");
        _timedCaps[cap] = scheduler.Schedule(at, Name, $"switching of {cap.Name}", time =>
        {
            _timedCaps.Remove(cap);
            bool wasClosed = cap.IsClosed;
            int before = cap.Capacitor.StepsInService;
            if (_feeder.ActCapController(cap, time.Seconds))
            {
                _context!.Events.Emit(time, Name, "grid.capacitor_switched",
                    $"{cap.Capacitor.Name}: steps in service {before} -> {cap.Capacitor.StepsInService}{(wasClosed && !cap.IsClosed ? " (open)" : "")}");
            }
        });
    }

    private void Schedule(Regulator reg, SimTime at)
    {
        var scheduler = _context?.Scheduler ?? throw new InvalidOperationException($"grid '{Name}' was not reset with a run context");
        _timed[reg] = scheduler.Schedule(at, Name, $"tap step of {reg.Name}", time => MoveOneStep(reg, time));
    }

    private void MoveOneStep(Regulator reg, SimTime time)
    {
        _timed.Remove(reg);
        if (reg.PendingTapChange == 0.0)
        {
            reg.Armed = false;
            return;
        }
        double before = reg.Tap;
        _feeder.SetTap(reg, reg.Tap + reg.OneStep());
        _context!.Events.Emit(time, Name, "grid.tap_changed", $"{reg.Name}: tap {before:F5} -> {reg.Tap:F5} (step {reg.TapStep})");
        double remaining = reg.PendingTapChange - reg.OneStep();
        bool more = Math.Abs(remaining) >= 0.9 * reg.TapIncrement && reg.Tap > reg.TapWinding.MinTap && reg.Tap < reg.TapWinding.MaxTap;
        reg.ConsumeStep();
        if (more)
            Schedule(reg, time + TimeBaseDelay(reg.Control.TapDelayS, "tapdelay"));
        else
            reg.Armed = false;
    }

    private TimeSpan TimeBaseDelay(double seconds, string what) =>
        Core.Time.TimeBase.Duration(seconds, $"regulator {what}");

    private void CancelTimedEvents()
    {
        foreach (var e in _timed.Values)
            e.Cancel();
        _timed.Clear();
        foreach (var e in _timedCaps.Values)
            e.Cancel();
        _timedCaps.Clear();
    }
}
