using OpenG2G.Controllers.Rl;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Core.Metrics;
using OpenG2G.Core.Time;
using OpenG2G.Scenarios.Loading;

namespace OpenG2G.Learning.Environment;

public sealed partial class GridEnvironment
{
    /// <summary>Path of the agent in diagnostics.</summary>
    public const string AgentPath = "agent";

    /// <summary>
    /// Load the scenario with <paramref name="overrides"/>, replace its controllers by the agent and build
    /// it. The agent's spaces must stay those of the first build (an override may not change the feeder's
    /// counted nodes or the served models).
    /// </summary>
    private Build Create(IReadOnlyList<string> overrides)
    {
        ScenarioDefinition d = new ScenarioLoader().Load(_settings.ScenarioPath, overrides);
        AgentOptions a = _settings.Agent;
        CheckAgent(d, a);
        var policy = new ExternalPolicy();
        var registration = new ComponentRegistration(ComponentKind.Controller, "rl", "the RL environment's agent", typeof(ObservationOptions),
            (o, c) => new RlController((ControllerBuildContext)c, policy, (ObservationOptions)o));
        var placement = new ControllerPlacement { Name = a.Name, Type = "rl", PeriodS = a.PeriodS, Targets = a.Targets, DelayS = a.DelayS };
        var agent = new ComponentDefinition(AgentPath, a.Name, TimeBase.Duration(a.PeriodS, "agent.period_s"), placement, registration, a.Observation);
        BuiltScenario built = ScenarioBuilder.Build(d with { Controllers = [agent] });
        var controller = (RlController)built.Setup.Controllers[0].Controller;
        if (_build is not null && _build.Agent.Spaces.FirstDifference(controller.Spaces) is string change)
            throw new InvalidInputException(Diagnostic.Error(SourceLocation.None, AgentPath, "an episode's overrides changed the environment's spaces: " + change));
        var band = new VoltageBand(d.Header.VoltageBand.VMinPu, d.Header.VoltageBand.VMaxPu);
        IEnumerable<string> sites = a.Targets.Count > 0 ? a.Targets : d.Datacenters.Select(x => x.Name);
        var meter = new PeriodMeter(_settings.Reward, band, built.ExcludedBuses, sites, built.ItlDeadlinesS, d.Grid!.Period.TotalSeconds);
        return new Build(overrides.ToArray(), built, controller, policy, meter, band);
    }

    /// <summary>What the scenario loader checks for a controller entry, for the agent that is not in the file.</summary>
    private static void CheckAgent(ScenarioDefinition d, AgentOptions a)
    {
        var problems = new List<Diagnostic>();
        void Add(string path, string message) => problems.Add(Diagnostic.Error(SourceLocation.None, AgentPath + "." + path, message));
        foreach (Core.Options.ValidationProblem p in a.Validate())
            Add(p.Path, p.Message);
        if (d.Grid is null)
            Add("", $"the agent needs a grid; {d.FilePath} has none");
        if (!TimeBase.TryToTicks(a.PeriodS, out long ticks) || !TimeBase.TryToTicks(a.DelayS, out _))
            Add("period_s", "period_s and delay_s must be whole numbers of 100 ns ticks");
        else if (d.Grid is { } g && ticks % g.Period.Ticks != 0)
            Add("period_s", $"the agent's period ({TimeBase.Format(TimeSpan.FromTicks(ticks))} s) must be a whole multiple of the grid period ({TimeBase.Format(g.Period)} s)");
        var names = d.Datacenters.Select(x => x.Name).ToList();
        for (int i = 0; i < a.Targets.Count; i++)
        {
            if (!names.Contains(a.Targets[i], StringComparer.Ordinal))
                Add($"targets[{i}]", $"no datacenter named '{a.Targets[i]}' in {Path.GetFileName(d.FilePath)}; datacenters: {string.Join(", ", names)}");
        }
        if (names.Contains(a.Name, StringComparer.Ordinal) || d.Grid?.Name == a.Name)
            Add("name", $"'{a.Name}' is already the name of a component of the scenario");
        if (problems.Count > 0)
            throw new InvalidInputException(problems);
    }
}
