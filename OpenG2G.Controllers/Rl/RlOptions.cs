using OpenG2G.Controllers.Options;
using OpenG2G.Core.Options;

namespace OpenG2G.Controllers.Rl;

/// <summary>How the <c>rl</c> controller picks among the policy's choices.</summary>
public enum ActionSelection
{
    /// <summary>The most likely choice of each action dimension (deterministic).</summary>
    Greedy,

    /// <summary>A draw from the policy's distribution, from a random stream of the run's seed.</summary>
    Sample,
}

/// <summary>
/// Options of the <c>rl</c> controller: a trained policy (a policy file from <c>openg2g train</c>, or an
/// ONNX model) acting every period on the target datacenters' batch sizes, one index step down, none or
/// up per model. Observation and action are described in docs/rl.md.
/// </summary>
public sealed record RlOptions : IValidatable
{
    /// <summary>Policy file (<c>.json</c> from <c>openg2g train</c>) or ONNX model (<c>.onnx</c>), relative to the scenario. Required.</summary>
    public string Policy { get; init; } = string.Empty;

    /// <summary>greedy (default: the most likely choice) or sample (a draw from the policy, seeded by the run's seed).</summary>
    public ActionSelection ActionSelection { get; init; } = ActionSelection.Greedy;

    /// <summary>Observation features for an ONNX policy (a policy file brings its own; giving them with one is an error). Default: the defaults of each feature.</summary>
    public ObservationOptions? Observation { get; init; }

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate()
    {
        var p = new ProblemList();
        p.Check(!string.IsNullOrWhiteSpace(Policy), "policy", "is required: a policy file (.json from openg2g train) or an ONNX model (.onnx)");
        if (!string.IsNullOrWhiteSpace(Policy))
        {
            string ext = Path.GetExtension(Policy).ToLowerInvariant();
            p.Check(ext is ".json" or ".onnx", "policy", $"must be a .json policy file or an .onnx model, got '{Policy}'");
            p.Check(ext != ".json" || Observation is null, "observation", "a policy file records the observation it was trained with; give observation options only with an .onnx policy");
        }
        foreach (ValidationProblem x in Observation?.Validate() ?? [])
            p.Add("observation." + x.Path, x.Message);
        return p.Problems;
    }
}
