namespace OpenG2G.Core.Options;

/// <summary>
/// One problem with an options record: <paramref name="Path"/> is relative to the record in YAML
/// spelling (e.g. <c>kp</c>, <c>models[2].batch_size</c>); the loader prefixes the location.
/// </summary>
public readonly record struct ValidationProblem(string Path, string Message);
