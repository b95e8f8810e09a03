using System.Collections.Immutable;
using System.Numerics;
using OpenG2G.Grid.Der;
using OpenG2G.Grid.Model.Der;
using OpenG2G.Grid.Model.Shapes;
using OpenG2G.Grid.Solver;

namespace OpenG2G.Grid.PowerFlow;

/// <summary>PVSystem, Storage and Generator elements and the InvControls acting on them.</summary>
public sealed partial class Feeder
{
    /// <summary>Every PVSystem, Storage and Generator of the network, in definition order.</summary>
    public ImmutableArray<DerUnit> Ders { get; private set; } = [];

    /// <summary>InvControls in feeder order.</summary>
    public ImmutableArray<InvController> InvControllers { get; private set; } = [];

    private DispatchContext DerContext => new(Model.Options.LoadMultiplier, Model.Options.GeneratorMultiplier);

    private void BuildDers()
    {
        var units = new List<DerUnit>();
        foreach (var c in Network.Ders)
        {
            DerUnit unit = c.Element switch
            {
                PvSystemElement pv => new PvUnit(pv, c),
                StorageElement st => new StorageUnit(st, c),
                GeneratorElement g => new GeneratorUnit(g, c),
                _ => throw new NotSupportedException($"{c.Element.FullName}: no runtime model"),
            };
            units.Add(unit);
            if (unit is GeneratorUnit { Generator.Model: 3 } gen)
            {
                var g = gen.Generator;
                gen.VoltageControl = new VoltageRegulatingGenerator(gen.Branches, g.PhaseBaseVolts, g.VoltagePu, g.KvarMax, g.KvarMin, g.PvFactor, g.IsDelta);
                _solver.RegulatingGenerators.Add(gen.VoltageControl);
            }
        }
        Ders = units.ToImmutableArray();
        var inverters = units.OfType<InverterUnit>().ToList();
        InvControllers = Model.InvControls.Select(ic => new InvController(ic, ic.DerNames.IsEmpty
            ? inverters
            : ic.DerNames.Select(n => inverters.FirstOrDefault(u => u.Element.ClassName.Equals(n.Class, StringComparison.OrdinalIgnoreCase)
                    && u.Element.Key == n.Name.ToLowerInvariant())).OfType<InverterUnit>().ToList())).ToImmutableArray();
        ResetDers();
    }

    /// <summary>Every DER and InvControl back to its state as defined (a new run), outputs dispatched.</summary>
    public void ResetDers()
    {
        foreach (var u in Ders)
            u.Reset();
        foreach (var c in InvControllers)
            c.Reset();
        DispatchDers();
        foreach (var u in Ders)
            if (u is GeneratorUnit { VoltageControl: { } vc } g)
            {
                vc.Start(g.OutputKvar);
                foreach (int b in g.Branches)
                    _solver.Load(b).Vars = -vc.VarsPerPhase;
            }
    }

    /// <summary>Recompute every DER's output (OpenDSS's SetNominalDEROutput before a solve) and write it into its phases.</summary>
    public void DispatchDers()
    {
        var context = DerContext;
        foreach (var u in Ders)
        {
            u.Dispatch(context);
            WriteDer(u);
        }
    }

    private void WriteDer(DerUnit u)
    {
        var (watts, vars) = u.PhasePower;
        bool regulating = u is GeneratorUnit { VoltageControl: not null };
        foreach (int b in u.Branches)
        {
            ref var branch = ref _solver.Load(b);
            branch.Watts = watts;
            if (!regulating)
                branch.Vars = vars;
        }
    }

    /// <summary>The DER named <c>Class.name</c> (case-insensitive), or null.</summary>
    public DerUnit? FindDer(string fullName) =>
        Ders.FirstOrDefault(u => u.Element.FullName.Equals(fullName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Power flowing into each phase of <paramref name="unit"/> at the present solution (W + j var; generation is negative).</summary>
    public Complex[] DerPhasePowers(DerUnit unit) => unit.Branches.Select(b => _solver.LoadPower(b)).ToArray();

    /// <summary>Shape multipliers of the DER elements at <paramref name="hours"/> in <paramref name="mode"/>; elements without that shape keep theirs.</summary>
    private void ApplyDerShapes(LoadShapeMode mode, double hours)
    {
        foreach (var u in Ders)
        {
            if (u.Element.Shape(mode) is not { } shape)
                continue;
            double level = shape.MultiplierAt(hours);
            if (u is StorageUnit storage)
                storage.ApplyShapeLevel(level);
            else
                u.ShapeFactor = level;
        }
    }

    /// <summary>Sample every InvControl after a solve; true when any is armed.</summary>
    private bool SampleInverterControls(int controlIteration)
    {
        var v = _solver.Voltages;
        bool armed = false;
        foreach (var c in InvControllers)
        {
            c.Sample(v, _solver.Loads, controlIteration);
            armed |= c.Armed;
        }
        return armed;
    }

    /// <summary>Carry out the InvControls' queued actions and write the inverters' new outputs.</summary>
    private void ActInverterControls()
    {
        var context = DerContext;
        foreach (var c in InvControllers)
        {
            if (!c.Act(context))
                continue;
            _lastActor = c;
            foreach (var u in c.Units)
                WriteDer(u);
        }
    }
}
