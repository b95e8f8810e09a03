using System.Collections.Immutable;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Testing.Capabilities;

/// <summary>
/// A noise-free datacenter whose models behave exactly as their logistic curves say: per step, model
/// power = replicas x P(log2 batch), spread over phases by the model's phase share, plus
/// <see cref="BasePowerKwPerPhase"/> and the optional training job (<see cref="FakeTrainingSpec"/>);
/// ITL = L(log2 batch) x ITL factor. Accepts batch-size, replica and (for the training job) power-cap
/// commands and rejects infeasible ones like a real site; like the trace-replay datacenter it cannot cap
/// inference models.
/// Test fake, not a product feature.
/// </summary>
public sealed class FakeBatchDatacenter : IDatacenter, IBatchControllable, IPowerCappable, IReplicaShiftable
{
    /// <summary>Measured cap range of the fake's GPUs (W).</summary>
    public const double MinCapW = 200, MaxCapW = 700;

    private readonly FakeModelSpec[] _specs;
    private readonly int[] _batch;
    private readonly int[] _replicas;
    private readonly double[] _itlFactor;
    private readonly FakeTrainingSpec? _training;
    private readonly TrainingJobInfo? _trainingInfo;
    private double _trainingCapW;

    public FakeBatchDatacenter(string name, TimeSpan period, IEnumerable<FakeModelSpec> models, int? capacityGpus = null, FakeTrainingSpec? training = null)
    {
        Name = name;
        Period = period;
        _specs = models.ToArray();
        _batch = new int[_specs.Length];
        _replicas = new int[_specs.Length];
        _itlFactor = new double[_specs.Length];
        _training = training;
        Models = _specs.Select(s => new ServedModelInfo(s.Model, s.GpusPerReplica, s.FeasibleBatchSizes, s.ItlDeadlineS, s.Curves)).ToList();
        CappableWorkloads = training is null
            ? Array.Empty<PowerCapInfo>()
            : new[]
            {
                new PowerCapInfo(training.Job, MinCapW, MaxCapW, c => new CurvePoint(c, 1.0),
                    c => new CurvePoint(Math.Sqrt(c / MaxCapW), 0.5 / Math.Sqrt(c * MaxCapW))),
            };
        _trainingInfo = training is null ? null : new TrainingJobInfo(training.Job, training.Gpus, "fake", training.StartS, training.EndS, "fake-curve", "fake");
        CapacityGpus = (capacityGpus ?? _specs.Sum(s => s.Replicas * s.GpusPerReplica)) + (training?.Gpus ?? 0);
        ResetState();
    }

    public string Name { get; }
    public TimeSpan Period { get; }
    public IReadOnlyList<ServedModelInfo> Models { get; }
    public IReadOnlyList<PowerCapInfo> CappableWorkloads { get; }
    public int CapacityGpus { get; }

    /// <summary>Constant real power per phase besides the models (kW).</summary>
    public double BasePowerKwPerPhase { get; init; }

    /// <summary>Every command applied, in order.</summary>
    public List<(SimTime Time, DatacenterCommand Command)> Applied { get; } = new();

    public int FreeGpus
    {
        get
        {
            int used = _training?.Gpus ?? 0;
            for (int i = 0; i < _specs.Length; i++)
                used += _replicas[i] * _specs[i].GpusPerReplica;
            return CapacityGpus - used;
        }
    }

    public int BatchOf(string model) => _batch[IndexOf(model)];

    /// <summary>Change a model's ITL factor during a run (e.g. from a scheduled event).</summary>
    public void SetItlFactor(string model, double factor) => _itlFactor[IndexOf(model)] = factor;

    public int ActiveReplicas(string model)
    {
        int i = Find(model);
        return i < 0 ? 0 : _replicas[i];
    }

    public int GpusPerReplica(string model)
    {
        int i = Find(model);
        return i < 0 ? 0 : _specs[i].GpusPerReplica;
    }

    public ThreePhase PhaseShare(string model)
    {
        int i = IndexOf(model);
        return _replicas[i] > 0 ? _specs[i].PhaseShare : ThreePhase.Zero;
    }

    public void Reset(RunContext context)
    {
        ResetState();
        Applied.Clear();
    }

    public void Start()
    {
    }

    public void Stop()
    {
    }

    public DatacenterState Step(SimTime now)
    {
        var power = ThreePhase.Uniform(BasePowerKwPerPhase * 1000.0);
        var states = ImmutableArray.CreateBuilder<ModelState>(_specs.Length);
        for (int i = 0; i < _specs.Length; i++)
        {
            FakeModelSpec s = _specs[i];
            double x = Math.Log2(_batch[i]);
            double modelW = _replicas[i] * s.Curves.PowerW(x).Value;
            power += s.PhaseShare * modelW;
            double itl = _replicas[i] > 0 ? s.Curves.ItlS(x).Value * _itlFactor[i] : double.NaN;
            double throughput = _replicas[i] * s.Curves.ThroughputTokensPerS(x).Value;
            states.Add(new ModelState(s.Model, _batch[i], _replicas[i], itl, throughput, modelW, double.NaN));
        }
        if (_training is null || _trainingInfo is null)
            return new DatacenterState(now, Name, power, states.MoveToImmutable());
        bool running = now.Seconds >= _training.StartS && now.Seconds < _training.EndS;
        double trainingW = running ? _training.Gpus * _trainingCapW : 0;
        power += ThreePhase.Uniform(trainingW / 3);
        return new DatacenterState(now, Name, power, states.MoveToImmutable(), trainingW)
        {
            Training = ImmutableArray.Create(new TrainingJobState(_trainingInfo, running, trainingW, _trainingCapW,
                running ? Math.Sqrt(_trainingCapW / MaxCapW) : double.NaN)),
        };
    }

    public void Apply(DatacenterCommand command, SimTime now)
    {
        switch (command)
        {
            case SetBatchSize set:
                int b = IndexOf(set.Model);
                if (!_specs[b].FeasibleBatchSizes.Contains(set.BatchSize))
                    throw new ArgumentException($"batch size {set.BatchSize} is not feasible for '{set.Model}'");
                _batch[b] = set.BatchSize;
                break;
            case SetPowerCap cap:
                if (_training is null || cap.Workload != _training.Job)
                    throw new ArgumentException($"'{Name}' cannot cap '{cap.Workload}': only its training job can be capped");
                if (cap.PowerCapW < MinCapW || cap.PowerCapW > MaxCapW)
                    throw new ArgumentException($"power cap {cap.PowerCapW} W is outside [{MinCapW}, {MaxCapW}] W");
                _trainingCapW = cap.PowerCapW;
                break;
            case AdjustReplicas adjust:
                int r = IndexOf(adjust.Model);
                int next = _replicas[r] + adjust.DeltaReplicas;
                if (next < 0)
                    throw new ArgumentException($"'{adjust.Model}' has {_replicas[r]} replicas; cannot remove {-adjust.DeltaReplicas}");
                if (adjust.DeltaReplicas > 0 && adjust.DeltaReplicas * _specs[r].GpusPerReplica > FreeGpus)
                    throw new ArgumentException($"not enough free GPUs for {adjust.DeltaReplicas} replicas of '{adjust.Model}'");
                _replicas[r] = next;
                break;
            default:
                throw new NotSupportedException($"{nameof(FakeBatchDatacenter)} does not handle {command.GetType().Name}");
        }
        Applied.Add((now, command));
    }

    private void ResetState()
    {
        _trainingCapW = MaxCapW;
        for (int i = 0; i < _specs.Length; i++)
        {
            _batch[i] = _specs[i].InitialBatchSize;
            _replicas[i] = _specs[i].Replicas;
            _itlFactor[i] = _specs[i].ItlFactor;
        }
    }

    private int Find(string model)
    {
        for (int i = 0; i < _specs.Length; i++)
        {
            if (_specs[i].Model == model)
                return i;
        }
        return -1;
    }

    private int IndexOf(string model)
    {
        int i = Find(model);
        return i >= 0 ? i : throw new ArgumentException($"'{Name}' does not serve model '{model}'");
    }
}
