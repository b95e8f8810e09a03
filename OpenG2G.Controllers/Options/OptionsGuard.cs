using OpenG2G.Core.Options;

namespace OpenG2G.Controllers.Options;

/// <summary>
/// Re-checks options when a controller is built from code rather than by the scenario loader (which
/// validates and reports located diagnostics before it calls a factory).
/// </summary>
internal static class OptionsGuard
{
    /// <summary>Throws <see cref="ArgumentException"/> listing every problem of <paramref name="options"/>.</summary>
    public static void ThrowIfInvalid(IValidatable options, string controllerType)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<ValidationProblem> problems = options.Validate().ToList();
        if (problems.Count == 0)
            return;
        string list = string.Join("; ", problems.Select(p => p.Path.Length > 0 ? $"{p.Path}: {p.Message}" : p.Message));
        throw new ArgumentException($"invalid {controllerType} options: {list}");
    }

    /// <summary>
    /// An options value that only the components can refute (an unknown regulator, a model the site does not
    /// serve): <c>path: message</c>, which the scenario loader locates at the controller's YAML node.
    /// </summary>
    public static ArgumentException Invalid(string path, string message) => new($"{path}: {message}");

    /// <summary>Names as a quoted, comma-separated list for messages (<c>'a', 'b'</c>), or <c>none</c>.</summary>
    public static string List(IEnumerable<string> names)
    {
        string joined = string.Join(", ", names.Select(n => "'" + n + "'"));
        return joined.Length == 0 ? "none" : joined;
    }
}
