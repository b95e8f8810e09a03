using System.Collections.Immutable;
using OpenG2G.Controllers.Batching;
using OpenG2G.Controllers.Options;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Metrics;
using OpenG2G.Core.Randomness;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Controllers.Rl;

/// <summary>
/// YAML type <c>rl</c>: runs a trained policy. Every period it builds the observation
/// (<see cref="Observe"/>), asks the policy for one choice per model of its targets (0: one feasible
/// batch size down, 1: stay, 2: one up) and commands the models whose size changes. The policy's spaces
/// must match the scenario's exactly; a mismatch is a validation error naming the first dimension that
/// differs. The RL environment runs this same controller with an externally set policy, so training and
/// <c>openg2g run</c> see the same observations and apply actions the same way.
/// </summary>
public sealed class RlController : ControllerBase
{
    private readonly RlObservation _observation;
    private readonly RlModel[] _models;
    private readonly IRlPolicy _policy;
    private readonly ActionSelection _selection;
    private readonly float[] _obs;
    private readonly int[] _action;
    private readonly List<Command> _commands = new();
    private SimRandom? _sampler;

    /// <summary>From YAML: loads <see cref="RlOptions.Policy"/> (relative to the scenario's folder).</summary>
    public RlController(RlOptions options, ControllerBuildContext context)
        : this(context, LoadPolicy(options, context, out ObservationOptions observation), observation, options.ActionSelection)
    {
    }

    /// <summary>
    /// With a given policy (the RL environment's external one, tests). Throws <see cref="ArgumentException"/>
    /// (path <c>policy</c>) when the policy's spaces differ from the scenario's.
    /// </summary>
    public RlController(ControllerBuildContext context, IRlPolicy policy, ObservationOptions observation, ActionSelection selection = ActionSelection.Greedy)
        : base(context.Name, context.Period)
    {
        ArgumentNullException.ThrowIfNull(policy);
        OptionsGuard.ThrowIfInvalid(observation, "rl observation");
        if (context.Targets.IsDefaultOrEmpty)
            throw new InvalidOperationException($"controller '{context.Name}' has no target datacenter");
        IGridTopology topology = context.Require<IGridTopology>(context.Grid, "the feeder's topology (counted buses)");
        var sites = context.Targets.Select(d => context.Require<IBatchControllable>(d, "batch-size control")).ToArray();
        _models = sites.SelectMany(s =>
        {
            var lookup = new ModelStateLookup(s.Name, s.Models.Select(m => m.Model).ToArray());
            return s.Models.Select((_, i) => new RlModel(s, i, lookup));
        }).ToArray();
        if (_models.Length == 0)
            throw new InvalidOperationException($"controller '{context.Name}': the targets serve no model whose batch size could be controlled");
        _observation = new RlObservation(observation, new CountedNodes(topology.ExcludedBuses), topology.Nodes, sites.Select(s => s.Name).ToArray(), _models);
        Spaces = new RlSpaces(_observation.Space, new MultiDiscreteSpace(_models.Select(m => m.Key).ToImmutableArray(), _models.Select(_ => 3).ToImmutableArray()));
        string? mismatch = policy.Mismatch(Spaces);
        if (mismatch is not null)
            throw OptionsGuard.Invalid("policy", "does not fit this scenario: " + mismatch);
        _policy = policy;
        _selection = selection;
        ObservationOptions = observation;
        _obs = new float[Spaces.Observation.Size];
        _action = new int[Spaces.Action.Size];
    }

    /// <summary>The observation and action spaces of this scenario.</summary>
    public RlSpaces Spaces { get; }

    /// <summary>The observation options in force.</summary>
    public ObservationOptions ObservationOptions { get; }

    /// <summary>Models whose batch size the last step changed.</summary>
    public int LastSwitches { get; private set; }

    /// <summary>The observation the next step would act on, from <paramref name="inputs"/>; changes nothing.</summary>
    public void Observe(ControllerInputs inputs, Span<float> observation) => _observation.Fill(inputs, observation);

    /// <inheritdoc />
    public override IReadOnlyList<Command> Step(SimTime now, ControllerInputs inputs)
    {
        _observation.Fill(inputs, _obs);
        _policy.Act(_obs, _action, _sampler);
        _commands.Clear();
        LastSwitches = 0;
        for (int i = 0; i < _models.Length; i++)
        {
            RlModel m = _models[i];
            int choice = _action[i];
            if (choice is < 0 or > 2)
                throw new InvalidOperationException($"action dimension {i} '{m.Key}' must be 0, 1 or 2, got {choice}");
            if (inputs.LatestOf(m.Site) is not DatacenterState state)
                continue;
            ModelState observed = m.Observed(state);
            if (m.CommandedIndex < 0)
            {
                m.CommandedIndex = m.NearestIndex(observed.BatchSize);
                m.ReferenceReplicas = observed.ActiveReplicas;
            }
            int target = Math.Clamp(m.CommandedIndex + choice - 1, 0, m.Sizes.Length - 1);
            m.LastMove = target - m.CommandedIndex;
            if (target == m.CommandedIndex)
                continue;
            m.CommandedIndex = target;
            LastSwitches++;
            _commands.Add(new SetBatchSize(m.Site, m.Model, m.Sizes[target]));
        }
        return _commands.Count == 0 ? Array.Empty<Command>() : _commands.ToArray();
    }

    /// <inheritdoc />
    protected override void OnReset()
    {
        foreach (RlModel m in _models)
            m.Reset();
        LastSwitches = 0;
        _sampler = _selection == ActionSelection.Sample ? Context!.CreateRandom(Name + "/actions") : null;
    }

    private static IRlPolicy LoadPolicy(RlOptions options, ControllerBuildContext context, out ObservationOptions observation)
    {
        OptionsGuard.ThrowIfInvalid(options, "rl");
        string path = Path.GetFullPath(Path.Combine(context.BaseDirectory, options.Policy));
        if (Path.GetExtension(path).Equals(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            observation = options.Observation ?? new ObservationOptions();
            return new OnnxPolicy(path);
        }
        PolicyFile file = PolicyFile.Read(path);
        observation = file.Observation;
        return new MlpPolicy(file);
    }
}
