using BenchmarkDotNet.Attributes;
using OpenG2G.Core.Capabilities;
using OpenG2G.Numerics.Qp;

namespace OpenG2G.Benchmarks.Mpc;

/// <summary>
/// The MPC's QP and whole step at the sizes the shipped studies use: <c>scenarios/ieee13/mpc.yaml</c>
/// (five models, one site) and <c>scenarios/ieee34/mpc.yaml</c> (five models over two sites). Each
/// study runs to 1400 s (IEEE 13: inside the training job, lower voltage limits active) and the QPs of
/// the next <see cref="Steps"/> controller steps are captured with their warm starts; a QP benchmark
/// solves that whole sequence, so its time is the mean per step over 100 real, consecutive steps.
/// <see cref="QpWarm"/> is the solver's share of an MPC step: each step's QP (scaling, numeric
/// factorisation, ADMM iterations) from the step's warm start, with the symbolic analysis of the
/// pattern kept, as in the controller. <see cref="QpCold"/> starts every QP from zero.
/// <see cref="Sensitivity"/> is the grid's voltage sensitivity to one site (the controller's
/// re-linearisation, once per site and step). <see cref="MpcStep"/> is one whole controller step
/// (sensitivities, forecasts, prediction, QP, commands), replaying the captured steps' inputs to the
/// controller in order (its commands are not applied, so its plans drift from the study's a little;
/// the grid's sensitivities are those of the last captured solve).
/// Target: <see cref="QpWarm"/> under 200 us per step.
/// Run: <c>dotnet run -c Release --project bench/OpenG2G.Benchmarks -- --filter '*MpcBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class MpcBenchmarks
{
    public const int Steps = 100;

    private MpcStudyState _state = null!;
    private List<MpcStudyState.CapturedStep> _steps = new();
    private QpSolver _solver = null!;
    private string _site = string.Empty;

    [Params("ieee13", "ieee34")]
    public string Feeder { get; set; } = "ieee13";

    [GlobalSetup]
    public void Setup()
    {
        _state = MpcStudyState.Run(Feeder, 1400);
        _steps = _state.Capture(Steps);
        _solver = new QpSolver(new OpenG2G.Controllers.Mpc.MpcSolverOptions().ToSettings());
        _solver.Solve(_steps[0].Problem, _steps[0].Start);
        _site = _steps[0].Inputs.LatestDatacenters.Keys.Min(StringComparer.Ordinal)!;
    }

    [Benchmark(OperationsPerInvoke = Steps)]
    public int QpWarm()
    {
        int iterations = 0;
        foreach (var step in _steps)
            iterations += _solver.Solve(step.Problem, step.Start).Iterations;
        return iterations;
    }

    [Benchmark(OperationsPerInvoke = Steps)]
    public int QpCold()
    {
        int iterations = 0;
        foreach (var step in _steps)
            iterations += _solver.Solve(step.Problem).Iterations;
        return iterations;
    }

    [Benchmark]
    public double Sensitivity() => ((IVoltageSensitivityProvider)_state.Grid).ComputeSensitivity(_site).DvDpPuPerKw(0, 0);

    [Benchmark(OperationsPerInvoke = Steps)]
    public int MpcStep()
    {
        int commands = 0;
        foreach (var step in _steps)
            commands += _state.Controller.Step(step.Time, step.Inputs).Count;
        return commands;
    }
}
