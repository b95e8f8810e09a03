using System.Collections.Immutable;
using OpenG2G.Controllers.Mpc;
using OpenG2G.Core.Components;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;
using OpenG2G.Numerics.Qp;
using OpenG2G.Scenarios.Running;
using OpenG2G.Testing;

namespace OpenG2G.Benchmarks.Mpc;

/// <summary>
/// A shipped MPC scenario run up to a given instant, so that benchmarks see the controller, the grid
/// and the datacenters exactly as they are at that moment of the study (the same QP sizes and
/// operating point): the controller, its last QP and warm start, and the inputs of its next step.
/// </summary>
internal sealed class MpcStudyState
{
    /// <summary>One controller step of the study as it ran.</summary>
    public sealed record CapturedStep(SimTime Time, ControllerInputs Inputs, QpProblem Problem, QpWarmStart? Start);

    private readonly string[] _datacenters;

    private MpcStudyState(Simulation simulation, MpcController controller, string[] datacenters, IGrid grid)
    {
        Simulation = simulation;
        Controller = controller;
        _datacenters = datacenters;
        Grid = grid;
    }

    /// <summary>The study's grid, at the state of the last solve.</summary>
    public IGrid Grid { get; }

    public Simulation Simulation { get; }

    public MpcController Controller { get; }

    /// <summary>The latest grid and datacenter states, as the controller's next step would see them.</summary>
    public ControllerInputs Inputs()
    {
        GridState grid = Simulation.LatestGrid!;
        var latest = _datacenters.ToImmutableDictionary(d => d, d => Simulation.LatestDatacenter(d)!);
        return new ControllerInputs(ImmutableArray.Create(grid), grid, latest.Values.ToImmutableArray(), latest);
    }

    /// <summary>
    /// Runs the next <paramref name="steps"/> controller steps of the study, returning each step's
    /// instant, inputs (the latest grid and datacenter states), QP and warm start.
    /// </summary>
    public List<CapturedStep> Capture(int steps)
    {
        var captured = new List<CapturedStep>(steps);
        long seen = Simulation.ControllerSteps;
        while (captured.Count < steps && Simulation.NextInstant is SimTime next)
        {
            Simulation.StepInstant();
            if (Simulation.ControllerSteps == seen)
                continue;
            seen = Simulation.ControllerSteps;
            // The controller stepped after this instant's grid solve: its inputs are the states recorded now.
            captured.Add(new CapturedStep(next, Inputs(), Controller.LastProblem!, Controller.LastStart));
        }
        return captured;
    }

    /// <summary>Runs <c>scenarios/{feeder}/mpc.yaml</c> (seed 0) through <paramref name="untilS"/> seconds.</summary>
    public static MpcStudyState Run(string feeder, double untilS, IReadOnlyList<string>? overrides = null)
    {
        string path = Path.Combine(SharedData.RepositoryRoot, "scenarios", feeder, "mpc.yaml");
        var built = ScenarioRunner.Prepare(path, overrides);
        var simulation = new Simulation(built.Setup);
        simulation.Reset(0);
        simulation.Start();
        var until = new SimTime((long)(untilS * TimeSpan.TicksPerSecond));
        while (simulation.NextInstant is SimTime next && next <= until)
            simulation.StepInstant();
        var controller = built.Setup.Controllers.Select(c => c.Controller).OfType<MpcController>().Single();
        return new MpcStudyState(simulation, controller, built.Setup.Datacenters.Select(d => d.Name).ToArray(), built.Setup.Grid!);
    }
}
