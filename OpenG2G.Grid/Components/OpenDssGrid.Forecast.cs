using System.Collections.Immutable;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;
using OpenG2G.Grid.Der;

namespace OpenG2G.Grid.Components;

/// <summary>What the grid knows of its future: profile-driven attachment powers and its own scheduled tap moves.</summary>
public sealed partial class OpenDssGrid : IGridForecast
{
    /// <summary>
    /// PV and external loads at each forecast instant from their profiles, exactly as a solve at that
    /// instant would set them (loads: peak x profile value per phase, reactive power at the attachment's
    /// power factor; PV systems: their inverter's output at that irradiance, cut-in/out and kVA limit
    /// included, without the volt-var response an InvControl would add at the voltages then). Tap moves: in timed regulator mode, the next step of every armed regulator at
    /// the instant its delay runs out (later steps depend on voltages not yet solved); none in the
    /// other modes. Feeder loads that follow their own OpenDSS load shapes are not attachments and are
    /// not forecast.
    /// </summary>
    public GridForecast Forecast(SimTime now, SimTime first, TimeSpan step, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (step <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(step), step, "the forecast step must be positive");
        var attachments = ImmutableArray.CreateBuilder<AttachmentForecast>();
        foreach (AttachmentSlot slot in _slots)
        {
            if (slot.Profile is null)
                continue;
            var p = ImmutableArray.CreateBuilder<ThreePhase>(count);
            var q = ImmutableArray.CreateBuilder<ThreePhase>(count);
            for (int k = 0; k < count; k++)
            {
                double value = slot.Profile.ValueAt((first + step * k).Seconds);
                (double kw, double kvar) = slot.Der is PvUnit pv
                    ? PvPerPhase(pv, value, slot.Branches.Length)
                    : (slot.PeakKwPerPhase * value, Math.Abs(slot.PeakKwPerPhase * value) * slot.ReactiveRatio * Math.Sign(slot.PeakKwPerPhase));
                p.Add(PerPhase(slot, kw));
                q.Add(PerPhase(slot, kvar));
            }
            attachments.Add(new AttachmentForecast(slot.Name, slot.Kind, slot.Bus, p.MoveToImmutable(), q.MoveToImmutable()));
        }
        SimTime last = first + step * Math.Max(0, count - 1);
        var taps = _timed
            .Where(e => !e.Value.IsCancelled && e.Value.At >= now && e.Value.At <= last && e.Key.PendingTapChange != 0.0)
            .Select(e => new TapChangeForecast(e.Key.Name, e.Value.At, e.Key.PendingTapChange > 0 ? 1 : -1))
            .OrderBy(t => t.At)
            .ThenBy(t => t.Regulator, StringComparer.Ordinal)
            .ToImmutableArray();
        return new GridForecast(Name, now, first, step, attachments.ToImmutable(), taps);
    }

    /// <summary>A scenario PV system at irradiance <paramref name="shapeFactor"/>: its inverter's output per phase, into the element (generation negative).</summary>
    private static (double Kw, double Kvar) PvPerPhase(PvUnit pv, double shapeFactor, int phases)
    {
        (double kw, double kvar) = pv.Preview(shapeFactor);
        return (-kw / phases, -kvar / phases);
    }

    private static ThreePhase PerPhase(AttachmentSlot slot, double value) => new(
        slot.Branches.Length > 0 ? value : 0,
        slot.Branches.Length > 1 ? value : 0,
        slot.Branches.Length > 2 ? value : 0);
}
