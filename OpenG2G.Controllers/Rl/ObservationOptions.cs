using OpenG2G.Controllers.Options;
using OpenG2G.Core.Options;

namespace OpenG2G.Controllers.Rl;

/// <summary>
/// Which features the observation holds (see docs/rl.md for each feature and why). A policy file records
/// the options it was trained with; the <c>rl</c> controller needs them only for ONNX policies.
/// </summary>
public sealed record ObservationOptions : IValidatable
{
    /// <summary>Include the latest voltage (pu) of every counted bus-phase. Default true.</summary>
    public bool BusVoltages { get; init; } = true;

    /// <summary>Lower limit of the band the violation features measure against, pu. Default 0.95.</summary>
    public double VMinPu { get; init; } = 0.95;

    /// <summary>Upper limit of the band the violation features measure against, pu. Default 1.05.</summary>
    public double VMaxPu { get; init; } = 1.05;

    /// <summary>ITL over deadline is reported up to this ratio (larger values are cut to it). Default 3.</summary>
    public double ItlRatioCap { get; init; } = 3.0;

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate()
    {
        var p = new ProblemList();
        p.Band("v_min_pu", VMinPu, "v_max_pu", VMaxPu);
        p.Positive("itl_ratio_cap", ItlRatioCap);
        return p.Problems;
    }
}
