using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Attachments;
using OpenG2G.Grid.Der;
using OpenG2G.Grid.Model.Der;

namespace OpenG2G.Grid.Components;

/// <summary>Attachments: the scenario's PV and batteries as PVSystem and Storage elements, and every slot the grid reports.</summary>
public sealed partial class OpenDssGrid
{
    private static AttachedDer AttachedPv(PvOptions o)
    {
        var pv = new PvSystemElement(o.Name, SourceLocation.None);
        pv.SetPanel(o.PmppKw, irradiance: 1.0);
        pv.SetInverter(o.KvaOrDefault, o.PowerFactor, o.CutInPercent, o.CutOutPercent, wattPriority: false);
        return new AttachedDer(o.Name, o.Bus, o.Connection, pv);
    }

    private static AttachedDer AttachedBattery(BatteryOptions o)
    {
        var storage = new StorageElement(o.Name, SourceLocation.None);
        storage.SetBattery(o.RatedPowerKw, o.CapacityKwh, o.InitialSocFraction, o.ReserveFraction, o.ChargeEfficiency, o.DischargeEfficiency, o.IdlingKwPercent);
        // Real power first: a command's kW is kept and its kvar takes what the kVA rating leaves.
        storage.SetInverter(o.RatedKva, 1.0, 0.0, 0.0, wattPriority: true);
        return new AttachedDer(o.Name, o.Bus, LoadConnection.Wye, storage);
    }

    /// <summary>Datacenters, loads, the scenario's PV and batteries, then every DSS-defined PVSystem, Storage and Generator.</summary>
    private void BuildSlots(OpenDssGridOptions options, GridBuildContext context, IReadOnlyList<AttachedDer> ders, List<Diagnostic> problems)
    {
        foreach (var dc in context.Datacenters)
        {
            var slot = new AttachmentSlot { Name = dc.Datacenter, Kind = "datacenter", Bus = dc.Bus.ToLowerInvariant(), Branches = _feeder.AttachmentBranches(dc.Datacenter).ToArray(), ReactiveRatio = _powerFactorTan[dc.Datacenter] };
            _slots.Add(slot);
            _datacenterSlots[dc.Datacenter] = slot;
        }
        foreach (var l in options.Loads)
        {
            _slots.Add(new AttachmentSlot
            {
                Name = l.Name, Kind = "load", Bus = l.Bus.ToLowerInvariant(), Branches = _feeder.AttachmentBranches(l.Name).ToArray(),
                PeakKwPerPhase = l.PeakKwPerPhase, ReactiveRatio = Math.Tan(Math.Acos(l.PowerFactor)), Profile = l.Profile.Create(context.BaseDirectory),
            });
        }
        var attached = ders.Select(d => (PowerConversionElement)d.Element).ToHashSet();
        var profiles = options.Pv.ToDictionary(p => p.Name, p => p.Profile.Create(context.BaseDirectory), StringComparer.OrdinalIgnoreCase);
        foreach (var unit in _feeder.Ders)
        {
            string name = unit.Element.Name;
            bool scenario = attached.Contains(unit.Element);
            if (!scenario && _slots.Any(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add(Diagnostic.Error(unit.Element.DefinedAt, string.Empty,
                    $"{unit.Element.FullName} of the feeder has the name of a scenario attachment; rename one of them (names are reported and commanded without their class)"));
                continue;
            }
            _slots.Add(new AttachmentSlot
            {
                Name = name,
                Kind = unit switch { PvUnit => "pv", StorageUnit => "battery", _ => "generator" },
                Bus = unit.Element.Bus1!.Key,
                Branches = unit.Branches,
                Der = unit,
                Profile = scenario ? profiles.GetValueOrDefault(name) : null,
            });
        }
    }

    /// <summary>Terminal power drawn by a DER at the present solution, kW (positive into the element).</summary>
    private double TerminalKw(DerUnit unit)
    {
        double kw = 0;
        foreach (int b in unit.Branches)
            kw += _feeder.LoadBranchPower(b).Real / 1000.0;
        return kw;
    }
}
