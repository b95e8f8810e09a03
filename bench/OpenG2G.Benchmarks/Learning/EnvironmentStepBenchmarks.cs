using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using OpenG2G.Learning.Environment;
using OpenG2G.Testing;

namespace OpenG2G.Benchmarks.Learning;

/// <summary>
/// RL environment steps per second on IEEE 13 (1 s control steps: each step is 10 datacenter steps and 10
/// power-flow solves of 0.1 s): two environments of the study scenario (baseline.yaml with the agent),
/// reset and played for a whole 3600-step episode each, stepped together by a vector environment with 1
/// or 2 workers. The reported time is per environment step (7200 per invocation): steps/s = 1 / mean.
/// Target: at least 2,000 steps/s with 2 workers.
/// Run: <c>dotnet run -c Release --project bench/OpenG2G.Benchmarks -- --filter '*EnvironmentStep*'</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 7)]
public class EnvironmentStepBenchmarks
{
    private const int Environments = 2;
    private const int EpisodeSteps = 3600;
    private VectorEnvironment _vector = null!;
    private float[] _observations = [];
    private int[] _actions = [];
    private StepOutcome[] _outcomes = [];

    [Params(1, 2)]
    public int Workers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string scenario = Path.Combine(SharedData.RepositoryRoot, "scenarios", "ieee13", "baseline.yaml");
        var settings = new EnvironmentSettings(scenario, [], new AgentOptions { Targets = ["dc"] }, new RewardOptions());
        _vector = new VectorEnvironment(Enumerable.Range(0, Environments).Select(_ => (IEnvironment)new GridEnvironment(settings)).ToArray(), Workers);
        _observations = new float[Environments * _vector.Spaces.Observation.Size];
        _actions = Enumerable.Repeat(1, Environments * _vector.Spaces.Action.Size).ToArray();
        _outcomes = new StepOutcome[Environments];
    }

    [Benchmark(OperationsPerInvoke = Environments * EpisodeSteps)]
    public double Episodes()
    {
        _vector.Reset([1UL, 2UL], _observations);
        double total = 0;
        for (int t = 0; t < EpisodeSteps; t++)
        {
            _vector.Step(_actions, _observations, _outcomes);
            total += _outcomes[0].Reward + _outcomes[1].Reward;
        }
        return total;
    }
}
