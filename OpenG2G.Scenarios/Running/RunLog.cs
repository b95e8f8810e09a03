using System.Globalization;

namespace OpenG2G.Scenarios.Running;

/// <summary><c>run.log</c>: what happened, one line each, flushed as it goes so a crash keeps it.</summary>
public sealed class RunLog : IDisposable
{
    public const string FileName = "run.log";
    private readonly StreamWriter _writer;

    public RunLog(string directory)
    {
        _writer = new StreamWriter(Path.Combine(directory, FileName)) { AutoFlush = true };
    }

    public void Write(string message) =>
        _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {message}"));

    public void Dispose() => _writer.Dispose();
}
