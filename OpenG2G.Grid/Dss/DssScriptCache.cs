using System.Collections.Concurrent;

namespace OpenG2G.Grid.Dss;

/// <summary>
/// Process-wide cache of read DSS scripts, so that many runs of one feeder (a sweep) read and lex its files
/// once. An entry is used only while every file the script was read from keeps its length and last write
/// time; otherwise the script is read again. Scripts are immutable, so entries are shared across threads.
/// </summary>
public static class DssScriptCache
{
    private static readonly ConcurrentDictionary<string, Entry> Entries = new(StringComparer.Ordinal);

    /// <summary>The script of <paramref name="path"/>, read with <see cref="DssReader.ReadFile"/> unless a valid copy is cached.</summary>
    public static DssScript Read(string path)
    {
        // Keyed by the path as given: locations in the script (and so in messages) keep the user's spelling.
        string key = Path.GetFullPath(path) + "|" + path;
        if (Entries.TryGetValue(key, out Entry? cached) && cached.IsCurrent())
            return cached.Script;
        DssScript script = DssReader.ReadFile(path);
        // A script with errors (a missing file, say) is not kept: the user may be fixing it.
        if (!script.HasErrors)
            Entries[key] = new Entry(script, Stamps(script, path));
        return script;
    }

    private static (string File, long Length, long WriteTicks)[] Stamps(DssScript script, string main) =>
        script.Commands.Select(c => c.Location.File).Append(main).Distinct(StringComparer.Ordinal)
            .Where(File.Exists)
            .Select(f => (f, new FileInfo(f).Length, File.GetLastWriteTimeUtc(f).Ticks))
            .ToArray();

    private sealed record Entry(DssScript Script, (string File, long Length, long WriteTicks)[] Files)
    {
        public bool IsCurrent() => Files.All(f => File.Exists(f.File) && new FileInfo(f.File).Length == f.Length
            && File.GetLastWriteTimeUtc(f.File).Ticks == f.WriteTicks);
    }
}
