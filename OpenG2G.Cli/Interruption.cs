using System.Runtime.InteropServices;

namespace OpenG2G.Cli;

/// <summary>
/// SIGINT (Ctrl-C) and SIGTERM. While a verb that can stop cleanly runs (<see cref="Graceful"/>), the
/// first signal cancels <see cref="Token"/>: the run stops at the next simulated instant, closes its
/// writers, writes its summary marked interrupted and exits 130. Any other signal (the second, or the
/// first during a verb that cannot stop cleanly) restores the terminal and exits 130 at once.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly List<PosixSignalRegistration> _registrations = new();
    private int _signals;

    public Interruption()
    {
        foreach (PosixSignal signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // The platform's default handling stays.
            }
        }
    }

    /// <summary>Cancelled by the first signal while <see cref="Graceful"/>.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>True while a verb runs that observes <see cref="Token"/> and stops cleanly.</summary>
    public bool Graceful { get; set; }

    public void Dispose()
    {
        foreach (PosixSignalRegistration r in _registrations)
            r.Dispose();
        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref _signals) == 1 && Graceful)
        {
            Console.Error.WriteLine($"{Name(context.Signal)}: stopping at the next simulated instant and writing the results so far (again to quit at once)");
            _source.Cancel();
            return;
        }
        RestoreTerminal();
        Console.Error.WriteLine($"{Name(context.Signal)}: quitting at once");
        Environment.Exit(ExitCodes.Interrupted);
    }

    private static string Name(PosixSignal signal) => signal == PosixSignal.SIGTERM ? "SIGTERM" : "interrupted";

    /// <summary>A live display hides the cursor; show it again (and end the line it was drawing on).</summary>
    private static void RestoreTerminal()
    {
        if (Console.IsOutputRedirected)
            return;
        Console.Out.Write("\u001b[?25h\n");
        Console.Out.Flush();
    }
}
