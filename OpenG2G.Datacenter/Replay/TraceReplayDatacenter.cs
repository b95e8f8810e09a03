using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Core.Randomness;
using OpenG2G.Datacenter.Options;
using OpenG2G.Datacenter.Traces;

namespace OpenG2G.Datacenter.Replay;

/// <summary>
/// The default datacenter: replays measured per-GPU power series of the trace library on servers of
/// <see cref="TraceReplayOptions.GpusPerServer"/> GPUs spread evenly over phases A/B/C, with seeded
/// per-server trace offsets and amplitude jitter, per-server noise, replica schedules, training jobs,
/// base load, idle power of powered-on GPUs and facility overhead. Knobs: batch size per model,
/// power cap per training job with a measured response, replica adjustments.
/// Construct once (all library look-ups and per-batch arrays happen here), then Reset/Start/Step.
/// </summary>
public sealed partial class TraceReplayDatacenter : IDatacenter, IBatchControllable, IPowerCappable, IReplicaShiftable
{
    private readonly TraceReplayOptions _options;
    private readonly List<ModelRuntime> _models;
    private readonly Dictionary<string, ModelRuntime> _modelsByLabel = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<TrainingRuntime> _training;
    private readonly ServerPool _pool;
    private readonly double[] _idleW = new double[3];
    private readonly double[] _overheadW = new double[3];
    private readonly double _idlePowerWPerGpu;
    private readonly double _overheadAlpha;
    private SimRandom? _noise;
    private SimRandom? _itl;
    private bool _idleDirty = true;
    private bool _overheadStarted;

    /// <summary>Throws <see cref="InvalidInputException"/> listing every model, batch size, job or capacity problem.</summary>
    public TraceReplayDatacenter(string name, TimeSpan period, TraceReplayOptions options, TraceLibrary library, string libraryDirectory)
    {
        Name = name;
        Period = period;
        _options = options;
        (_models, _training) = FleetResolver.Resolve(options, library, libraryDirectory);
        foreach (var m in _models)
            _modelsByLabel[m.Label] = m;
        Models = _models.Select(m => m.Info).ToList();
        CappableWorkloads = _training.Where(t => t.Response is not null)
            .Select(t => new PowerCapInfo(t.Name, t.Response!.MinCapW, t.Response.MaxCapW, t.Response.PowerPerGpuW, t.Response.ThroughputFraction))
            .ToList();
        TrainingGpus = _training.Sum(t => t.Gpus);
        int trainingServers = _training.Sum(t => (t.Gpus + options.GpusPerServer - 1) / options.GpusPerServer);
        _pool = new ServerPool(options.CapacityGpus / options.GpusPerServer - trainingServers);
        _idlePowerWPerGpu = options.IdlePowerWPerGpu
            ?? library.Gpu(options.GpuType)?.IdlePowerW
            ?? throw new InvalidInputException(Diagnostic.Error(SourceLocation.None, "idle_power_w_per_gpu",
                $"the trace library has no idle power for GPU type '{options.GpuType}'; set idle_power_w_per_gpu (known: {string.Join(", ", library.Gpus.Select(g => g.Name))})"));
        double tau = options.FacilityOverhead.CoolingTimeConstantS;
        _overheadAlpha = tau > 0 ? 1 - Math.Exp(-period.TotalSeconds / tau) : 1.0;
    }

    /// <summary>
    /// Build from options as the scenario layer does: the library is <see cref="TraceReplayOptions.TraceLibrary"/>
    /// (relative to the scenario folder) or else <see cref="DatacenterBuildContext.TraceLibraryDirectory"/>.
    /// </summary>
    public static TraceReplayDatacenter Create(TraceReplayOptions options, DatacenterBuildContext context)
    {
        string directory = options.TraceLibrary is { } own
            ? Path.GetFullPath(Path.Combine(context.BaseDirectory, own))
            : context.TraceLibraryDirectory;
        return new TraceReplayDatacenter(context.Name, context.Period, options, TraceLibrary.Load(directory), directory);
    }

    public string Name { get; }

    public TimeSpan Period { get; }

    public IReadOnlyList<ServedModelInfo> Models { get; }

    public IReadOnlyList<PowerCapInfo> CappableWorkloads { get; }

    /// <summary>GPUs reserved for training jobs.</summary>
    public int TrainingGpus { get; }

    /// <summary>Total GPUs of the site.</summary>
    public int CapacityGpus => _options.CapacityGpus;

    public void Reset(RunContext context)
    {
        string layoutStream = _options.LayoutSeedOffset == 0 ? $"{Name}/layout" : $"{Name}/layout#{_options.LayoutSeedOffset}";
        _pool.Reset(context.CreateRandom(layoutStream), _options.AmplitudeJitter);
        _noise = context.CreateRandom($"{Name}/noise");
        _itl = context.CreateRandom($"{Name}/itl");
        foreach (var m in _models)
        {
            m.BatchIndex = m.InitialBatchIndex;
            m.CommandDelta = 0;
            m.ActiveReplicas = 0;
            m.Servers.Clear();
        }
        foreach (var t in _training)
            t.CapW = t.InitialCapW;
        foreach (var m in _models)
            SetActiveReplicas(m, m.Schedule.CountAt(0));
        _idleDirty = true;
        _overheadStarted = false;
    }

    public void Start()
    {
    }

    public void Stop()
    {
    }
}
