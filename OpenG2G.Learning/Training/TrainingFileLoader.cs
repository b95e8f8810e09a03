using OpenG2G.Core.Diagnostics;
using OpenG2G.Core.Options;
using OpenG2G.Scenarios.Binding;
using OpenG2G.Scenarios.Loading;
using YamlDotNet.RepresentationModel;

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
        _display = path;
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(path, 0, 0), "", $"training file not found (looked for {full})"));
        var diagnostics = new List<Diagnostic>();
        var binder = new YamlBinder(path, diagnostics, _locations);
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(full);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column), "", "not valid YAML: " + (e.InnerException?.Message ?? e.Message)));
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(path, 1, 1), "", "a training file is a mapping of keys (scenario, agent, reward, randomise, ppo, ...)"));
        var file = (TrainingFile)binder.BindRecord(root, typeof(TrainingFile), string.Empty, null, null);
        foreach (ValidationProblem p in file.Validate())
        {
            if (!binder.FailedPaths.Contains(p.Path))
                diagnostics.Add(Diagnostic.Error(_locations.Find(p.Path), p.Path, p.Message));
        }
        string scenario = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(full)!, file.Scenario));
        if (!string.IsNullOrWhiteSpace(file.Scenario) && !File.Exists(scenario))
            diagnostics.Add(Diagnostic.Error(_locations.Find("scenario"), "scenario", $"file '{file.Scenario}' not found (resolved against the training file's folder to {scenario})"));
        if (diagnostics.Any(d => d.Severity == Severity.Error))
            throw new InvalidInputException(ScenarioLoader.Sorted(diagnostics));
        return (file with { Name = file.Name ?? Path.GetFileNameWithoutExtension(full) }, scenario);
    }

    /// <summary>
    /// <paramref name="e"/> with every diagnostic that has no file position placed at the training file's
    /// key of its path (<c>agent.targets[0]</c>, <c>randomise.datacenter</c>), or at the scenario key.
    /// </summary>
    public InvalidInputException Locate(InvalidInputException e) =>
        new(e.Diagnostics.Select(d => d.Location.IsKnown ? d
            : Diagnostic.Error(_locations.Find(d.Path.Length > 0 ? d.Path : "scenario") is { IsKnown: true } at ? at : new SourceLocation(_display, 0, 0), d.Path, d.Message)).ToList());
}
