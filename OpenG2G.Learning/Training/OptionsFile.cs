using OpenG2G.Core.Diagnostics;
using OpenG2G.Core.Options;
using OpenG2G.Scenarios.Binding;
using OpenG2G.Scenarios.Loading;
using YamlDotNet.RepresentationModel;

namespace OpenG2G.Learning.Training;

/// <summary>
/// Binds a YAML file (training or evaluation) to an options record with the scenario binder and
/// validates it: every problem as <c>file:line:column: path: message</c>, in file order, in one
/// <see cref="InvalidInputException"/>. Keeps where each key was written for later problems.
/// </summary>
internal sealed class OptionsFile<T>
    where T : class, IValidatable
{
    private readonly List<Diagnostic> _diagnostics = new();

    public OptionsFile(string path, string what)
    {
        Display = path;
        FullPath = Path.GetFullPath(path);
        if (!System.IO.File.Exists(FullPath))
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(path, 0, 0), "", $"{what} not found (looked for {FullPath})"));
        var binder = new YamlBinder(path, _diagnostics, Locations);
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(FullPath);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column), "", "not valid YAML: " + (e.InnerException?.Message ?? e.Message)));
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(path, 1, 1), "", $"a {what} is a mapping of keys"));
        Value = (T)binder.BindRecord(root, typeof(T), string.Empty, null, null);
        foreach (ValidationProblem p in Value.Validate())
        {
            if (!binder.FailedPaths.Contains(p.Path))
                Error(p.Path, p.Message);
        }
    }

    public string Display { get; }

    public string FullPath { get; }

    public string Directory => Path.GetDirectoryName(FullPath)!;

    public LocationMap Locations { get; } = new();

    public T Value { get; }

    public void Error(string path, string message) => _diagnostics.Add(Diagnostic.Error(Locations.Find(path), path, message));

    /// <summary>The file <paramref name="relative"/> names, relative to this file; an error at <paramref name="path"/> when missing.</summary>
    public string File(string path, string relative)
    {
        string full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Directory, relative));
        if (!string.IsNullOrWhiteSpace(relative) && !System.IO.File.Exists(full))
            Error(path, $"file '{relative}' not found (resolved against the {Kind} file's folder to {full})");
        return full;
    }

    /// <summary>Throw when anything was reported.</summary>
    public void ThrowIfInvalid()
    {
        if (_diagnostics.Any(d => d.Severity == Severity.Error))
            throw new InvalidInputException(ScenarioLoader.Sorted(_diagnostics));
    }

    private string Kind => typeof(T).Name.Replace("File", "", StringComparison.Ordinal).ToLowerInvariant();
}
