using System.Collections.Immutable;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace CustomController;

/// <summary>
/// A minimal batch-size controller: at each step it reads the lowest phase voltage at each target
/// datacenter's bus; below <see cref="VoltageStepOptions.ThresholdPu"/> it commands every model one
/// feasible batch size smaller, above threshold + hysteresis one size larger (never past the ends).
/// </summary>
public sealed class VoltageStepController : IController
{
    private readonly VoltageStepOptions _options;
    private readonly ImmutableArray<(IBatchControllable Site, string Bus)> _sites;

    public VoltageStepController(VoltageStepOptions options, ControllerBuildContext context)
    {
        _options = options;
        Name = context.Name;
        Period = context.Period;
        // Capabilities, not concrete classes: Require fails with a clear message when a target lacks one.
        _sites = context.Targets
            .Select(dc => (context.Require<IBatchControllable>(dc, "batch-size control"), context.AttachmentOf(dc.Name).Bus))
            .ToImmutableArray();
    }

    public string Name { get; }

    public TimeSpan Period { get; }

    public void Reset(RunContext context)
    {
    }

    public void Start()
    {
    }

    public void Stop()
    {
    }

    public IReadOnlyList<Command> Step(SimTime now, ControllerInputs inputs)
    {
        if (_options.FailAtS is double failAt && now.Seconds >= failAt)
            throw new InvalidOperationException($"deliberate failure requested by fail_at_s = {failAt}");
        if (inputs.LatestGrid is not GridState grid)
            return [];
        var commands = new List<Command>();
        foreach (var (site, bus) in _sites)
        {
            double v = LowestPhase(grid, bus);
            int direction = v < _options.ThresholdPu ? -1 : v > _options.ThresholdPu + _options.HysteresisPu ? 1 : 0;
            if (direction == 0 || inputs.LatestOf(site.Name) is not DatacenterState state)
                continue;
            foreach (ModelState m in state.Models)
            {
                ImmutableArray<int> sizes = site.Models.First(x => x.Model == m.Model).FeasibleBatchSizes;
                int next = sizes.IndexOf(m.BatchSize) + direction;
                if (next >= 0 && next < sizes.Length)
                    commands.Add(new SetBatchSize(site.Name, m.Model, sizes[next]));
            }
        }
        return commands;
    }

    private static double LowestPhase(GridState grid, string bus)
    {
        double lowest = double.PositiveInfinity;
        for (int phase = 1; phase <= 3; phase++)
        {
            double v = grid.VoltageAt(bus, phase);
            if (!double.IsNaN(v))
                lowest = Math.Min(lowest, v);
        }
        return lowest;
    }
}
