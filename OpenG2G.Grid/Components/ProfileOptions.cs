using OpenG2G.Core.Options;
using OpenG2G.Grid.Profiles;

namespace OpenG2G.Grid.Components;

/// <summary>A power multiplier against time: constant, CSV (path relative to the scenario) or a synthetic shape.</summary>
public sealed record ProfileOptions : IValidatable
{
    /// <summary>constant (default), csv, synthetic_pv or synthetic_load.</summary>
    public ProfileKind Kind { get; init; } = ProfileKind.Constant;

    /// <summary>Multiplier for <see cref="ProfileKind.Constant"/> (default 1).</summary>
    public double Value { get; init; } = 1.0;

    /// <summary>CSV file for <see cref="ProfileKind.Csv"/>, relative to the scenario's folder.</summary>
    public string? Path { get; init; }

    /// <summary>Site or shape number for the synthetic kinds.</summary>
    public int Index { get; init; }

    public IEnumerable<ValidationProblem> Validate()
    {
        if (Kind == ProfileKind.Csv && string.IsNullOrWhiteSpace(Path))
            yield return new ValidationProblem("path", "a csv profile needs a path");
        if (Kind == ProfileKind.SyntheticPv && Index is < 0 or >= SyntheticProfiles.PvSites)
            yield return new ValidationProblem("index", $"synthetic PV sites are 0..{SyntheticProfiles.PvSites - 1}, got {Index}");
        if (Kind == ProfileKind.SyntheticLoad && Index is < 0 or >= SyntheticProfiles.LoadShapes)
            yield return new ValidationProblem("index", $"synthetic loads are 0..{SyntheticProfiles.LoadShapes - 1}, got {Index}");
    }

    internal IProfile Create(string baseDirectory) => Kind switch
    {
        ProfileKind.Csv => CsvProfile.Read(System.IO.Path.Combine(baseDirectory, Path!)),
        ProfileKind.SyntheticPv => SyntheticProfiles.Pv(Index),
        ProfileKind.SyntheticLoad => SyntheticProfiles.Load(Index),
        _ => new ConstantProfile(Value),
    };
}
