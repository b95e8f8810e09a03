using System.Collections.Immutable;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Randomness;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Testing.Fakes;

/// <summary>
/// A deterministic test datacenter: one model whose power per phase is <c>BasePowerW x batch / 128</c>
/// plus seeded Gaussian noise of <c>NoiseFraction</c>; ITL is <c>batch / 1000</c> s. Records
/// lifecycle calls and applied commands. Not a product feature.
/// </summary>
public sealed class FakeDatacenter : IDatacenter
{
    private readonly LifecycleLog? _log;
    private SimRandom? _random;

    public FakeDatacenter(string name, TimeSpan period, LifecycleLog? log = null)
    {
        Name = name;
        Period = period;
        _log = log;
    }

    public string Name { get; }
    public TimeSpan Period { get; }
    public double BasePowerW { get; init; } = 100_000;
    public double NoiseFraction { get; init; }
    public int Replicas { get; init; } = 10;
    public int BatchSize { get; private set; } = 128;
    public List<(SimTime Time, DatacenterCommand Command)> Applied { get; } = new();

    /// <summary>When set, Step throws this at the given time (to test failure reporting).</summary>
    public SimTime? FailAt { get; init; }

    public void Reset(RunContext context)
    {
        _log?.Add($"{Name}.Reset");
        _random = context.CreateRandom(Name + "/noise");
        BatchSize = 128;
        Applied.Clear();
    }

    public void Start() => _log?.Add($"{Name}.Start");

    public void Stop() => _log?.Add($"{Name}.Stop");

    public DatacenterState Step(SimTime now)
    {
        _log?.Add($"{now} {Name}.Step");
        if (FailAt == now)
            throw new InvalidOperationException("trace ran out");
        double perPhase = BasePowerW * BatchSize / 128.0;
        double noise = NoiseFraction * perPhase;
        var power = new ThreePhase(
            perPhase + noise * _random!.NextGaussian(),
            perPhase + noise * _random.NextGaussian(),
            perPhase + noise * _random.NextGaussian());
        double itl = BatchSize / 1000.0;
        var model = new ModelState("fake-model", BatchSize, Replicas, itl, BatchSize / itl * Replicas, power.Total, double.NaN);
        return new DatacenterState(now, Name, power, ImmutableArray.Create(model));
    }

    public void Apply(DatacenterCommand command, SimTime now)
    {
        _log?.Add($"{now} {Name}.Apply {command.GetType().Name}");
        switch (command)
        {
            case SetBatchSize set:
                if (set.Model != "fake-model")
                    throw new ArgumentException($"unknown model '{set.Model}'");
                BatchSize = set.BatchSize;
                break;
            default:
                throw new NotSupportedException($"{nameof(FakeDatacenter)} does not handle {command.GetType().Name}");
        }
        Applied.Add((now, command));
    }
}
