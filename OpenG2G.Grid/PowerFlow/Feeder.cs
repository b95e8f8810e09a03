using System.Collections.Immutable;
using System.Numerics;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Core.States;
using OpenG2G.Grid.Attachments;
using OpenG2G.Grid.Control;
using OpenG2G.Grid.Dss;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.Network;
using OpenG2G.Grid.Solver;

namespace OpenG2G.Grid.PowerFlow;

/// <summary>
/// A feeder read from an OpenDSS script, ready to solve: the typed model, the compiled network,
/// the solver with its factored admittance matrix, and the regulators. Lifecycle: <see cref="Load(string)"/>
/// once, then any number of <see cref="Solve"/> calls, changing loads, taps or the source voltage in
/// between. The first solve starts cold (OpenDSS's init); later solves start from the previous
/// solution. Not thread-safe: one feeder per thread.
/// </summary>
public sealed partial class Feeder
{
    private readonly PowerFlowSolver _solver;
    private readonly int[] _reportedNodes;
    private readonly double[] _reportedBaseVolts;
    private bool _solvedOnce;

    private Feeder(DssModel model, FeederNetwork network, IReadOnlyList<Diagnostic> notes)
    {
        Model = model;
        Network = network;
        Notes = notes;
        _solver = new PowerFlowSolver(network);
        Regulators = model.RegControls
            .Select(r => new Regulator(r, network.TransformerPrimitives[r.Transformer!]))
            .ToImmutableArray();
        CapControllers = model.CapControls
            .Select(c => new CapController(c, c.Element is null ? null : network.PrimitiveOf.GetValueOrDefault(c.Element)))
            .ToImmutableArray();
        var reported = new List<int>();
        var names = new List<BusPhase>();
        foreach (var bus in network.Buses)
        {
            foreach (var (number, index) in bus.Nodes.OrderBy(n => n.Number))
            {
                if (number is < 1 or > 3)
                    continue;
                reported.Add(index);
                names.Add(new BusPhase(bus.Name, number));
            }
        }
        _reportedNodes = reported.ToArray();
        _reportedBaseVolts = _reportedNodes.Select(network.NodeBaseVolts).ToArray();
        Nodes = new BusPhaseIndex(names);
        ControlMode = model.Options.ControlMode;
        BuildDers();
        Tolerance = model.Options.Tolerance;
        MaxIterations = model.Options.MaxIterations;
        MaxControlIterations = model.Options.MaxControlIterations;
    }

    public DssModel Model { get; }
    public FeederNetwork Network { get; }

    /// <summary>Information notes from reading (skipped commands and the like).</summary>
    public IReadOnlyList<Diagnostic> Notes { get; }

    public ImmutableArray<Regulator> Regulators { get; }

    /// <summary>Capacitor controls in feeder order.</summary>
    public ImmutableArray<CapController> CapControllers { get; }

    /// <summary>Bus-phases reported in results (phases 1..3), buses in network order.</summary>
    public BusPhaseIndex Nodes { get; }

    public ControlMode ControlMode { get; set; }

    /// <summary>Convergence tolerance: largest node voltage change per iteration in per unit (default from the script, else 1e-4).</summary>
    public double Tolerance { get; set; }

    public int MaxIterations { get; set; }
    public int MaxControlIterations { get; set; }

    internal PowerFlowSolver Solver => _solver;

    /// <summary>Node voltages in volts (global node order of <see cref="Network"/>).</summary>
    public ReadOnlySpan<Complex> NodeVoltages => _solver.Voltages;

    /// <summary>
    /// Read, build and compile the feeder at <paramref name="path"/>. Throws <see cref="InvalidInputException"/>
    /// listing every problem with file:line:column.
    /// </summary>
    public static Feeder Load(string path) => FromScript(DssReader.ReadFile(path));

    /// <summary>Load with <paramref name="attachments"/> whose powers are set while it runs (see <see cref="SetAttachmentPower"/>).</summary>
    public static Feeder Load(string path, IReadOnlyList<AttachedLoad> attachments) => FromScript(DssScriptCache.Read(path), attachments);

    /// <summary>Load with load <paramref name="attachments"/> and scenario PV systems and batteries (<paramref name="ders"/>).</summary>
    public static Feeder Load(string path, IReadOnlyList<AttachedLoad> attachments, IReadOnlyList<AttachedDer> ders) =>
        FromScript(DssScriptCache.Read(path), attachments, ders);

    /// <summary>Build from an already read script (see <see cref="Load(string)"/>).</summary>
    public static Feeder FromScript(DssScript script, IReadOnlyList<AttachedLoad>? attachments = null, IReadOnlyList<AttachedDer>? ders = null)
    {
        var (model, diagnostics) = ModelBuilder.Build(script, ScriptSolve);
        var all = diagnostics.ToList();
        FeederNetwork? network = null;
        if (!all.Any(d => d.Severity == Severity.Error))
            network = NetworkCompiler.Compile(model, all, attachments ?? [], ders ?? []);
        if (network is null || all.Any(d => d.Severity == Severity.Error))
            throw new InvalidInputException(all);
        return new Feeder(model, network, all);
    }

    /// <summary>
    /// A <c>Solve</c> in the script (OpenDSS solves where the command stands): compile the circuit as it is
    /// at that point and solve it cold with the options in force there, so that the taps and capacitor
    /// steps its controls move stay in the model's elements, where later edits may override them. Returns
    /// warnings: a circuit that does not compile yet (its errors are reported by the final compile) or a
    /// solve that does not converge leaves the model as it was.
    /// </summary>
    private static IReadOnlyList<Diagnostic> ScriptSolve(DssModel model)
    {
        var notes = new List<Diagnostic>();
        var network = NetworkCompiler.Compile(model, notes);
        if (network is null || notes.Any(d => d.Severity == Severity.Error))
            return [new Diagnostic(Severity.Warning, SourceLocation.None, string.Empty, "the script's Solve was not run: the circuit does not compile at this point")];
        var feeder = new Feeder(model, network, notes);
        var taps = feeder.Regulators.Select(r => r.Tap).ToArray();
        var steps = feeder.CapControllers.Select(c => c.Capacitor.StepsInService).ToArray();
        try
        {
            feeder.SolveVoltages(coldStart: true);
            return [];
        }
        catch (PowerFlowNotConvergedException e)
        {
            for (int i = 0; i < taps.Length; i++)
                feeder.SetTap(feeder.Regulators[i], taps[i]);
            for (int i = 0; i < steps.Length; i++)
                feeder.SetCapacitorSteps(feeder.CapControllers[i].Capacitor, steps[i]);
            return [new Diagnostic(Severity.Warning, SourceLocation.None, string.Empty, "the script's Solve did not converge while loading: " + e.Message)];
        }
    }

    /// <summary>Compile <paramref name="model"/> again (after editing its elements in code). Throws <see cref="InvalidInputException"/>.</summary>
    public static Feeder FromModel(DssModel model)
    {
        var all = new List<Diagnostic>();
        var network = NetworkCompiler.Compile(model, all);
        if (network is null || all.Any(d => d.Severity == Severity.Error))
            throw new InvalidInputException(all);
        return new Feeder(model, network, all);
    }

    /// <summary>The regulator named <paramref name="name"/>: a RegControl's name or its transformer's (case-insensitive).</summary>
    public Regulator? FindRegulator(string name) =>
        Regulators.FirstOrDefault(r => r.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? Regulators.FirstOrDefault(r => r.Transformer.Key.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Set the tap ratio (per unit) of <paramref name="regulator"/>'s tap winding, clamped to its range
    /// as OpenDSS does. The matrix is re-factored at the next solve.
    /// </summary>
    public void SetTap(Regulator regulator, double ratio)
    {
        int w = regulator.Control.TapWinding - 1;
        double before = regulator.Tap;
        regulator.Transformer.SetTap(w, ratio);
        if (regulator.Tap != before)
            RestampTransformer(regulator);
    }

    /// <summary>Re-stamp a capacitor after its steps changed (the matrix re-factors at the next solve).</summary>
    internal void RestampCapacitor(Model.Capacitors.CapacitorElement capacitor) =>
        _solver.Restamp(Network.PrimitiveOf[capacitor], CapacitorPrimitive.Build(capacitor, Network.FrequencyHz, Network.FrequencyHz));

    /// <summary>Put <paramref name="steps"/> steps of <paramref name="capacitor"/> in service (the matrix re-factors at the next solve).</summary>
    public void SetCapacitorSteps(Model.Capacitors.CapacitorElement capacitor, int steps)
    {
        if (capacitor.StepsInService == steps)
            return;
        capacitor.SetStepsInService(Math.Clamp(steps, 0, capacitor.NumSteps));
        RestampCapacitor(capacitor);
    }

    /// <summary>Carry out a capacitor control's queued action; true when a step switched (and the matrix was re-stamped).</summary>
    public bool ActCapController(CapController controller, double nowS)
    {
        if (!controller.Act(nowS))
            return false;
        RestampCapacitor(controller.Capacitor);
        return true;
    }

    internal void RestampTransformer(Regulator regulator) =>
        _solver.Restamp(regulator.Primitive, TransformerPrimitive.Build(regulator.Transformer, includeMagnetizing: true));

    /// <summary>Load-branch indices of attachment <paramref name="name"/>, one per phase; throws <see cref="ArgumentException"/> when unknown.</summary>
    public ReadOnlySpan<int> AttachmentBranches(string name) =>
        Network.AttachmentBranches.TryGetValue(name, out var b) ? b : throw new ArgumentException($"no attachment named '{name}'", nameof(name));

    /// <summary>
    /// Set the power of load branch <paramref name="branch"/> (from <see cref="AttachmentBranches"/>) in W and var,
    /// positive for consumption. Only injections change: the next solve needs no re-factorisation.
    /// </summary>
    public void SetAttachmentPower(int branch, double watts, double vars)
    {
        ref var b = ref _solver.Load(branch);
        b.Watts = watts;
        b.Vars = vars;
    }

    /// <summary>Power drawn by load branch <paramref name="branch"/> at the present solution (W + j var).</summary>
    public Complex LoadBranchPower(int branch) => _solver.LoadPower(branch);

    /// <summary>Load branches with their present powers (the network's list holds the powers at compile time).</summary>
    internal ReadOnlySpan<LoadBranch> CurrentLoadBranches => _solver.Loads;

    /// <summary>Forget the last solution: the next solve starts cold.</summary>
    public void ResetSolution() => _solvedOnce = false;

    /// <summary>Set the per-unit voltage of every source (the substation).</summary>
    public void SetSourcePerUnit(double perUnit)
    {
        foreach (var s in Network.Sources)
            s.OpenCircuitVolts = SourcePrimitive.OpenCircuitVolts(s.Element, perUnit);
        _solver.RefreshSourceCurrent();
    }
}
