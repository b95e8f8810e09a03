namespace OpenG2G.Testing.Fakes;

/// <summary>A shared, ordered record of what fake components were asked to do ("dc1.Reset", "0.1 s grid.Step").</summary>
public sealed class LifecycleLog
{
    private readonly List<string> _entries = new();

    public IReadOnlyList<string> Entries => _entries;

    public void Add(string entry) => _entries.Add(entry);

    public void Clear() => _entries.Clear();
}
