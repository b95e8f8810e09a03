using OpenG2G.Controllers.LoadShift;
using OpenG2G.Controllers.Mpc;
using OpenG2G.Controllers.NoOp;
using OpenG2G.Controllers.Ofo;
using OpenG2G.Controllers.Pid;
using OpenG2G.Controllers.Rl;
using OpenG2G.Controllers.RuleBased;
using OpenG2G.Controllers.Schedules;
using OpenG2G.Controllers.StorageDroop;
using OpenG2G.Core.Composition;

namespace OpenG2G.Controllers;

/// <summary>Registers the built-in controllers under the names the scenario YAML uses.</summary>
public static class ControllerComponents
{
    /// <summary>Add every built-in controller type to <paramref name="registry"/>.</summary>
    public static void Register(ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddController<NoOpOptions>("noop", "does nothing (the fixed-batch, fixed-tap baseline)",
            (_, c) => new NoOpController(c.Name, c.Period));
        registry.AddController<TapScheduleOptions>("tap-schedule", "sets regulator taps at given times",
            (o, c) => new TapScheduleController(o, c));
        registry.AddController<BatchScheduleOptions>("batch-schedule", "sets models' batch sizes at given times",
            (o, c) => new BatchScheduleController(o, c));
        registry.AddController<PowerCapScheduleOptions>("power-cap-schedule", "sets GPU power caps at given times",
            (o, c) => new PowerCapScheduleController(o, c));
        registry.AddController<OfoOptions>("ofo", "GPU-to-Grid primal-dual batch-size optimisation (online feedback optimisation)",
            (o, c) => new OfoController(o, c));
        registry.AddController<MpcOptions>("mpc", "model-predictive control of batch sizes (and training power caps) over a horizon, with forecasts and the command delay in its model",
            (o, c) => new MpcController(o, c));
        registry.AddController<RuleBasedOptions>("rule-based", "proportional batch-size control on the worst voltage violation",
            (o, c) => new RuleBasedController(o, c));
        registry.AddController<PidOptions>("pid", "PID on a voltage signal driving one datacenter's power through batch sizes or power caps",
            (o, c) => new PidController(o, c));
        registry.AddController<LoadShiftOptions>("load-shift", "moves replicas between sites when batch control is exhausted",
            (o, c) => new LoadShiftController(o, c));
        registry.AddController<StorageDroopOptions>("storage-droop", "local Q-V or P-V voltage droop for batteries",
            (o, c) => new StorageDroopController(o, c));
        registry.AddController<RlOptions>("rl", "runs a trained reinforcement-learning policy (policy file or ONNX) on batch sizes",
            (o, c) => new RlController(o, c));
    }
}
