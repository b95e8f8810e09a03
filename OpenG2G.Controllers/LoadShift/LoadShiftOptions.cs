using OpenG2G.Controllers.Options;
using OpenG2G.Core.Options;

namespace OpenG2G.Controllers.LoadShift;

/// <summary>Options of the <c>load-shift</c> controller.</summary>
public sealed record LoadShiftOptions : IValidatable
{
    /// <summary>
    /// GPUs' worth of replicas moved per shift: max(1, gpus_per_shift / GPUs per replica) replicas of the
    /// chosen model. Default 8 (one server).
    /// </summary>
    public int GpusPerShift { get; init; } = 8;

    /// <summary>Lower voltage limit in pu. Default 0.95.</summary>
    public double VMinPu { get; init; } = 0.95;

    /// <summary>Upper voltage limit in pu. Default 1.05.</summary>
    public double VMaxPu { get; init; } = 1.05;

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate()
    {
        var p = new ProblemList();
        p.Check(GpusPerShift > 0, "gpus_per_shift", $"must be > 0, got {GpusPerShift}");
        p.Band("v_min_pu", VMinPu, "v_max_pu", VMaxPu);
        return p.Problems;
    }
}
