namespace OpenG2G.Core.Diagnostics;

/// <summary>How serious a diagnostic is: errors stop a run, infos and warnings are reported.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// One problem (or note) about an input, printed as <c>file:line:column: path: message</c>
/// (the path part only when there is one, e.g. a YAML path such as <c>controllers[0].kp</c>).
/// </summary>
public sealed record Diagnostic(Severity Severity, SourceLocation Location, string Path, string Message)
{
    public static Diagnostic Error(SourceLocation location, string path, string message) => new(Severity.Error, location, path, message);

    public static Diagnostic Info(SourceLocation location, string path, string message) => new(Severity.Info, location, path, message);

    public override string ToString()
    {
        string where = Location.ToString();
        string prefix = where.Length > 0 ? where + ": " : string.Empty;
        string path = Path.Length > 0 ? Path + ": " : string.Empty;
        return prefix + path + Message;
    }
}
