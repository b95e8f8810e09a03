using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;
using OpenG2G.Core.Components;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;
using OpenG2G.Grid.Der;
using OpenG2G.Grid.PowerFlow;

namespace OpenG2G.Grid.Components;

/// <summary>The grid step: set attachment powers, solve, report.</summary>
public sealed partial class OpenDssGrid
{
    public GridState Step(SimTime now, IReadOnlyList<DatacenterState> samples)
    {
        // The latest sample of each datacenter wins (samples are in time order).
        for (int i = samples.Count - 1; i >= 0; i--)
        {
            var s = samples[i];
            if (SlotOf(s.Datacenter) is not { } slot)
                continue;
            if (i < samples.Count - 1 && LaterSampleSeen(samples, i, s.Datacenter))
                continue;
            for (int p = 0; p < 3; p++)
            {
                double kw = s.PowerW[p] / 1000.0;
                _feeder.SetAttachmentPower(slot.Branches[p], kw * 1000.0, kw * slot.ReactiveRatio * 1000.0);
            }
        }
        double t = now.Seconds;
        double elapsedHours = _stepped ? (now - _lastStep).TotalHours : 0.0;
        // Storage energy moves over the interval since the last step at the power that solve found (OpenDSS's end-of-step update).
        foreach (var slot in _slots)
        {
            if (slot.Der is not StorageUnit storage)
                continue;
            if (elapsedHours > 0)
                storage.Integrate(elapsedHours, TerminalKw(storage));
            if (slot.PendingCommand is { } command)
                storage.Command(command.DischargeKw, command.KvarSupplied);
            slot.PendingCommand = null;
        }
        if (_options.LoadShapes != Model.Shapes.LoadShapeMode.None)
            _feeder.ApplyLoadShapes(_options.LoadShapes, _options.LoadShapeStartHour + t / 3600.0);
        foreach (var slot in _slots)
        {
            if (slot.Profile is null)
                continue;
            if (slot.Der is { } der)
            {
                der.ShapeFactor = slot.Profile.ValueAt(t); // a scenario PV system's irradiance
                continue;
            }
            double kw = slot.PeakKwPerPhase * slot.Profile.ValueAt(t);
            foreach (int b in slot.Branches)
                _feeder.SetAttachmentPower(b, kw * 1000.0, Math.Abs(kw) * slot.ReactiveRatio * 1000.0);
        }
        var (iterations, _) = _feeder.SolveVoltages();
        if (_options.RegulatorMode == RegulatorMode.Timed)
            ScheduleTimedMoves(now);
        _lastStep = now;
        _stepped = true;
        return State(now, iterations);
    }

    private static bool LaterSampleSeen(IReadOnlyList<DatacenterState> samples, int index, string datacenter)
    {
        for (int j = index + 1; j < samples.Count; j++)
            if (samples[j].Datacenter.Equals(datacenter, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    private string? _lastDatacenterName;
    private AttachmentSlot? _lastDatacenterSlot;

    /// <summary>
    /// The slot of a datacenter by name: a datacenter reports the same name string at every step, so a
    /// reference comparison with the previous lookup avoids hashing the name at every grid step.
    /// </summary>
    private AttachmentSlot? SlotOf(string datacenter)
    {
        if (ReferenceEquals(datacenter, _lastDatacenterName))
            return _lastDatacenterSlot;
        AttachmentSlot? slot = _datacenterSlots.GetValueOrDefault(datacenter);
        _lastDatacenterName = datacenter;
        _lastDatacenterSlot = slot;
        return slot;
    }

    private GridState State(SimTime now, int iterations)
    {
        int n = _feeder.Nodes.Count;
        var pu = new double[n];
        var angle = ReportsAngles ? new double[n] : [];
        _feeder.ReportedVoltages(pu, angle);
        var attachments = new AttachmentState[_slots.Count];
        Span<double> p = stackalloc double[3];
        Span<double> q = stackalloc double[3];
        for (int a = 0; a < attachments.Length; a++)
        {
            var slot = _slots[a];
            p.Clear();
            q.Clear();
            for (int k = 0; k < slot.Branches.Length && k < 3; k++)
            {
                Complex s = _feeder.LoadBranchPower(slot.Branches[k]) / 1000.0;
                p[k] = s.Real;
                q[k] = s.Imaginary;
            }
            double soc = slot.Der is StorageUnit storage ? storage.StateOfChargeFraction : double.NaN;
            attachments[a] = new AttachmentState(slot.Name, slot.Kind, slot.Bus, new ThreePhase(p[0], p[1], p[2]), new ThreePhase(q[0], q[1], q[2]), soc);
        }
        Complex source = _feeder.SourcePower();
        double lossesKw = ReportsLosses ? _feeder.Losses().Real / 1000.0 : double.NaN;
        return new GridState
        {
            Time = now,
            Nodes = _feeder.Nodes,
            VoltagePu = ImmutableCollectionsMarshal.AsImmutableArray(pu),
            VoltageAngleDeg = ImmutableCollectionsMarshal.AsImmutableArray(angle),
            Taps = _feeder.Taps(),
            SourcePowerKw = source.Real / 1000.0,
            SourceReactivePowerKvar = source.Imaginary / 1000.0,
            LossesKw = lossesKw,
            Attachments = ImmutableCollectionsMarshal.AsImmutableArray(attachments),
            Iterations = iterations,
        };
    }
}
