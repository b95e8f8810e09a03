using OpenG2G.Core.Options;

namespace OpenG2G.Learning.Evaluation;

/// <summary>
/// A held-out evaluation (<c>openg2g evaluate FILE</c>): the training file whose randomiser draws the
/// scenarios, how many, the seed of their stream, and the cases to compare (each a scenario file of the
/// same feeder and datacenters with its own controller: baseline, rule-based, PID, OFO, MPC, RL, ...).
/// </summary>
public sealed record EvaluationFile : IValidatable
{
    /// <summary>Training file (relative to this file) whose scenario randomiser and seed define the held-out draws. Required.</summary>
    public string Training { get; init; } = string.Empty;

    /// <summary>Held-out scenarios (&gt;= 1). Default 20.</summary>
    public int Scenarios { get; init; } = 20;

    /// <summary>Name of the held-out seed stream (default <c>heldout</c>); its seeds are checked against every training episode's.</summary>
    public string SeedStream { get; init; } = "heldout";

    /// <summary>The cases, each run on every held-out scenario.</summary>
    public IReadOnlyList<EvaluationCase> Cases { get; init; } = Array.Empty<EvaluationCase>();

    /// <summary>Runs in parallel (0: one per core). Results do not depend on it. Default 0.</summary>
    public int Workers { get; init; }

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate()
    {
        if (string.IsNullOrWhiteSpace(Training))
            yield return new ValidationProblem("training", "is required: the training file whose randomiser draws the scenarios");
        if (Scenarios < 1)
            yield return new ValidationProblem("scenarios", $"must be >= 1, got {Scenarios}");
        if (Workers < 0)
            yield return new ValidationProblem("workers", $"must be >= 0, got {Workers}");
        if (Cases.Count == 0)
            yield return new ValidationProblem("cases", "list at least one case");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < Cases.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Cases[i].Name))
                yield return new ValidationProblem($"cases[{i}].name", "must not be empty");
            else if (!names.Add(Cases[i].Name))
                yield return new ValidationProblem($"cases[{i}].name", $"'{Cases[i].Name}' is given twice");
            if (string.IsNullOrWhiteSpace(Cases[i].Scenario))
                yield return new ValidationProblem($"cases[{i}].scenario", "must name a scenario file");
        }
    }
}

/// <summary>One compared case: a label and its scenario file (relative to the evaluation file).</summary>
public sealed record EvaluationCase
{
    /// <summary>Label in the table and the plot.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Scenario file of the case.</summary>
    public string Scenario { get; init; } = string.Empty;
}
