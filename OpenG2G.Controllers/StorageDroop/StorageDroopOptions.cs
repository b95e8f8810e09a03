using OpenG2G.Controllers.Options;
using OpenG2G.Core.Options;

namespace OpenG2G.Controllers.StorageDroop;

/// <summary>Options of the <c>storage-droop</c> controller. Defaults as published.</summary>
public sealed record StorageDroopOptions : IValidatable
{
    /// <summary>Q-V (reactive power) or P-V (real power). Default <see cref="StorageDroopMode.Qv"/>.</summary>
    public StorageDroopMode Mode { get; init; } = StorageDroopMode.Qv;

    /// <summary>Batteries to control by name (case-insensitive). Default (empty): every battery of the feeder.</summary>
    public IReadOnlyList<string> Batteries { get; init; } = Array.Empty<string>();

    /// <summary>Reference voltage in pu. Default 1.0.</summary>
    public double VRefPu { get; init; } = 1.0;

    /// <summary>No output while |v_ref - v| is at most this (pu). Default 0.005.</summary>
    public double DeadbandPu { get; init; } = 0.005;

    /// <summary>|v_ref - v| in pu at which the output reaches its limit. Default 0.05.</summary>
    public double FullOutputErrorPu { get; init; } = 0.05;

    /// <summary>Output limit as a fraction of the rating (kW rating in P-V, kVA rating in Q-V), in (0, 1]. Default 1.</summary>
    public double OutputLimitFraction { get; init; } = 1.0;

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate()
    {
        var p = new ProblemList();
        if (!Enum.IsDefined(Mode))
            p.Add("mode", $"must be qv or pv, got {(int)Mode}");
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < Batteries.Count; i++)
        {
            p.Name($"batteries[{i}]", Batteries[i]);
            if (!string.IsNullOrWhiteSpace(Batteries[i]) && !seen.TryAdd(Batteries[i], i))
                p.Add($"batteries[{i}]", $"'{Batteries[i]}' is already listed at batteries[{seen[Batteries[i]]}]");
        }
        p.Positive("v_ref_pu", VRefPu);
        bool deadband = p.NonNegative("deadband_pu", DeadbandPu);
        if (p.Positive("full_output_error_pu", FullOutputErrorPu) && deadband)
        {
            p.Check(FullOutputErrorPu > DeadbandPu, "full_output_error_pu",
                $"must be greater than deadband_pu ({ProblemList.Format(DeadbandPu)}), got {ProblemList.Format(FullOutputErrorPu)}");
        }
        if (p.Positive("output_limit_fraction", OutputLimitFraction))
            p.Check(OutputLimitFraction <= 1.0, "output_limit_fraction", $"must be <= 1, got {ProblemList.Format(OutputLimitFraction)}");
        return p.Problems;
    }
}
