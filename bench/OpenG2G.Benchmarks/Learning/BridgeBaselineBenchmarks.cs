using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using OpenG2G.Learning.Environment;
using OpenG2G.Testing;

namespace OpenG2G.Benchmarks.Learning;

/// <summary>
/// The in-process figure the Python bridge is compared with (python/examples/bench_bridge.py times the same
/// thing through <c>openg2g env serve</c>): K environments of IEEE 13 (baseline.yaml with the agent, episodes of
/// 600 s, 1 s control steps), reset before each iteration, then 600 steps of all K with the action "stay",
/// stepped by a vector environment over one worker per core. Reported time is per invocation (600 batched steps
/// of all K): environment steps/s = 600 K / time. Reset is outside the measurement, as in the Python script.
/// Three warm-up iterations, and the CLI's JIT settings (<see cref="CliJit"/>).
/// Run: <c>dotnet run -c Release --project bench/OpenG2G.Benchmarks -- --filter '*BridgeBaseline*'</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(CliJit))]
public class BridgeBaselineBenchmarks
{
    /// <summary>
    /// The JIT settings of the openg2g process that serves the bridge (OpenG2G.Cli.csproj: loops compiled optimised
    /// at once, no PGO instrumentation), so the two figures differ by the bridge alone.
    /// </summary>
    private sealed class CliJit : ManualConfig
    {
        public CliJit() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(7)
            .WithEnvironmentVariables(new EnvironmentVariable("DOTNET_TC_QuickJitForLoops", "0"), new EnvironmentVariable("DOTNET_TieredPGO", "0")));
    }

    private const int EpisodeSteps = 600;
    private VectorEnvironment _vector = null!;
    private float[] _observations = [];
    private int[] _actions = [];
    private StepOutcome[] _outcomes = [];
    private ulong _seed;

    [Params(1, 8)]
    public int Environments { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string scenario = Path.Combine(SharedData.RepositoryRoot, "scenarios", "ieee13", "baseline.yaml");
        var settings = new EnvironmentSettings(scenario, ["duration_s=600"], new AgentOptions(), new RewardOptions());
        _vector = new VectorEnvironment(Enumerable.Range(0, Environments).Select(_ => (IEnvironment)new GridEnvironment(settings)).ToArray());
        _observations = new float[Environments * _vector.Spaces.Observation.Size];
        _actions = Enumerable.Repeat(1, Environments * _vector.Spaces.Action.Size).ToArray();
        _outcomes = new StepOutcome[Environments];
    }

    [IterationSetup]
    public void Reset()
    {
        _seed++;
        _vector.Reset(Enumerable.Range(0, Environments).Select(i => _seed * 100 + (ulong)i).ToArray(), _observations);
    }

    [Benchmark]
    public double Steps()
    {
        double total = 0;
        for (int t = 0; t < EpisodeSteps; t++)
        {
            _vector.Step(_actions, _observations, _outcomes);
            total += _outcomes[0].Reward;
        }
        return total;
    }
}
