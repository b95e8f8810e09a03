using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Binding;

namespace OpenG2G.Learning.Training;

/// <summary>
/// Reads a training file with the scenario binder: unknown keys (with suggestions), wrong types and
/// invalid values are all reported as <c>file:line:column: path: message</c> in one
/// <see cref="InvalidInputException"/>; problems found later (building the environment, the randomiser)
/// are located with <see cref="Locate"/>.
/// </summary>
public sealed class TrainingFileLoader
{
    private LocationMap _locations = new();
    private string _display = string.Empty;

    /// <summary>Load and validate <paramref name="path"/>; returns the file and the absolute path of its scenario.</summary>
    public (TrainingFile File, string ScenarioPath) Load(string path)
    {
        var file = new OptionsFile<TrainingFile>(path, "training file");
        _locations = file.Locations;
        _display = path;
        string scenario = file.File("scenario", file.Value.Scenario);
        file.ThrowIfInvalid();
        return (file.Value with { Name = file.Value.Name ?? Path.GetFileNameWithoutExtension(file.FullPath) }, scenario);
    }

    /// <summary>
    /// <paramref name="e"/> with every diagnostic that has no file position placed at the training file's
    /// key of its path (<c>agent.targets[0]</c>, <c>randomise.datacenter</c>), or at the scenario key.
    /// </summary>
    public InvalidInputException Locate(InvalidInputException e) =>
        new(e.Diagnostics.Select(d => d.Location.IsKnown ? d
            : Diagnostic.Error(_locations.Find(d.Path.Length > 0 ? d.Path : "scenario") is { IsKnown: true } at ? at : new SourceLocation(_display, 0, 0), d.Path, d.Message)).ToList());
}
