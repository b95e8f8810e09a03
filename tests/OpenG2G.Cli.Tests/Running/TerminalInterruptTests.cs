using System.Diagnostics;
using System.Text;

namespace OpenG2G.Cli.Tests.Running;

/// <summary>
/// Ctrl-C typed at a terminal (a pseudo-terminal made by util-linux <c>script</c>, Ctrl-C written to it as
/// the byte 0x03): the live progress display hid the cursor, and it is shown again however the run
/// ends, after one Ctrl-C (a clean stop) or two (quit at once).
/// </summary>
public class TerminalInterruptTests
{
    private const string HideCursor = "\u001b[?25l";
    private const string ShowCursor = "\u001b[?25h";

    [TerminalFact]
    public void One_ctrl_c_stops_cleanly_and_shows_the_cursor_again() => InterruptAtTerminal(presses: 1);

    /// <summary>
    /// The second Ctrl-C must arrive while the clean stop is still writing (the run draws its plots then, which
    /// gives it a few hundred milliseconds; without plots the faster writers closed before the second press); on a loaded machine the clean
    /// stop can finish first (then the run ends as after one press, which is right too). Up to three
    /// tries, the later ones with both presses in one write; at least one must quit at once.
    /// </summary>
    [TerminalFact]
    public void Two_ctrl_c_quit_at_once_and_show_the_cursor_again()
    {
        for (int attempt = 0; attempt < 3; attempt++)
        {
            string tty = InterruptAtTerminal(presses: 2, gapMs: attempt == 0 ? 20 : 0);
            if (tty.Contains("interrupted: quitting at once", StringComparison.Ordinal))
                return;
            Assert.Contains("results so far (summary marked interrupted)", tty, StringComparison.Ordinal);
        }
        Assert.Fail("in three tries the second Ctrl-C never quit at once: the clean stop always finished first");
    }

    private static void InterruptAtTerminal(int presses) =>
        Assert.Contains("results so far (summary marked interrupted)", InterruptAtTerminal(presses, gapMs: 20), StringComparison.Ordinal);

    // Runs the main job at a pseudo-terminal, presses Ctrl-C, checks the exit code and the cursor, and returns the transcript.
    private static string InterruptAtTerminal(int presses, int gapMs)
    {
        using var temp = CliProcess.TempFolder("tty");
        string transcript = Path.Combine(temp.Path, "tty.txt");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        string command = $"'{dotnet}' '{Path.Combine(AppContext.BaseDirectory, "openg2g.dll")}' run scenarios/ieee13/ofo.yaml --set duration_s=36000 --out '{Path.Combine(temp.Path, "run")}'";
        var start = new ProcessStartInfo("script") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = CliProcess.Repo };
        foreach (string a in new[] { "-q", "-f", "-e", "-c", command, transcript })
            start.ArgumentList.Add(a);
        using Process script = Signals.StartWithDefaultInterrupt(start);
        Task<string> drain = script.StandardOutput.ReadToEndAsync();

        // Wait for the live display: its first progress line.
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!Read(transcript).Contains("t = ", StringComparison.Ordinal))
        {
            Assert.False(script.HasExited, "the run ended before its progress display appeared");
            Assert.True(DateTime.UtcNow < deadline, "no progress display within a minute");
            Thread.Sleep(50);
        }
        if (gapMs == 0)
        {
            script.StandardInput.Write(new string('\u0003', presses));
            script.StandardInput.Flush();
        }
        else
        {
            for (int i = 0; i < presses; i++)
            {
                script.StandardInput.Write('\u0003');
                script.StandardInput.Flush();
                Thread.Sleep(gapMs);
            }
        }
        Assert.True(script.WaitForExit(TimeSpan.FromMinutes(2)), "the run did not end after Ctrl-C");
        drain.Wait();

        string tty = Read(transcript);
        Assert.Equal(130, script.ExitCode);
        Assert.Contains(HideCursor, tty, StringComparison.Ordinal);
        Assert.True(tty.LastIndexOf(ShowCursor, StringComparison.Ordinal) > tty.LastIndexOf(HideCursor, StringComparison.Ordinal),
            "the cursor hidden by the progress display is shown again");
        return tty;
    }

    private static string Read(string path)
    {
        if (!File.Exists(path))
            return string.Empty;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream, Encoding.UTF8).ReadToEnd();
    }
}
