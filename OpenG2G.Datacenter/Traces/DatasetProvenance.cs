namespace OpenG2G.Datacenter.Traces;

/// <summary>Where one upstream dataset of the trace library comes from.</summary>
/// <param name="Id">Folder name of the raw copy (e.g. <c>openg2g-mlenergy-power-traces</c>).</param>
/// <param name="Repository">Upstream repository URL.</param>
/// <param name="Commit">Upstream commit the files were read from.</param>
/// <param name="Licence">Licence of the data.</param>
/// <param name="Derived">What the library derives from it, and how.</param>
public sealed record DatasetProvenance(string Id, string Repository, string Commit, string Licence, string Derived);
