using OpenG2G.Controllers.Options;
using OpenG2G.Core.Options;

namespace OpenG2G.Controllers.RuleBased;

/// <summary>Options of the <c>rule-based</c> controller. Defaults as published (a comparison study used step 0.3, deadband 0.005).</summary>
public sealed record RuleBasedOptions : IValidatable
{
    /// <summary>Proportional gain: change of log2(batch) per pu of worst violation, per step. Default 10.</summary>
    public double StepSizePerPu { get; init; } = 10.0;

    /// <summary>Violations up to this depth (pu) are ignored. Default 1e-4.</summary>
    public double DeadbandPu { get; init; } = 1e-4;

    /// <summary>Lower voltage limit in pu. Default 0.95.</summary>
    public double VMinPu { get; init; } = 0.95;

    /// <summary>Upper voltage limit in pu. Default 1.05.</summary>
    public double VMaxPu { get; init; } = 1.05;

    /// <summary>Cancel a model's upward move while its observed ITL exceeds its deadline. Default true.</summary>
    public bool LatencyGuard { get; init; } = true;

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate()
    {
        var p = new ProblemList();
        p.Positive("step_size_per_pu", StepSizePerPu);
        p.NonNegative("deadband_pu", DeadbandPu);
        p.Band("v_min_pu", VMinPu, "v_max_pu", VMaxPu);
        return p.Problems;
    }
}
