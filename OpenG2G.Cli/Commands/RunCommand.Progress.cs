using System.Diagnostics;
using System.Globalization;
using OpenG2G.Scenarios.Running;
using Spectre.Console;

namespace OpenG2G.Cli.Commands;

public sealed partial class RunCommand
{
    /// <summary>
    /// Run with a live progress bar on a terminal. The display starts only when the simulation does, so
    /// the header (printed when the run is planned) and load errors print as plain lines; it ends, and
    /// the cursor it hid comes back, however the run ends.
    /// </summary>
    private static RunOutcome RunWithProgress(RunRequest request)
    {
        ProgressTask? task = null;
        Task? display = null;
        var finished = new TaskCompletionSource();
        var wall = Stopwatch.StartNew();
        long lastUpdate = 0;
        try
        {
            return ScenarioRunner.Run(request with
            {
                Starting = (duration, directory) =>
                {
                    request.Starting?.Invoke(duration, directory);
                    display = AnsiConsole.Progress()
                        .AutoClear(true)
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                        .StartAsync(async ctx =>
                        {
                            task = ctx.AddTask("simulating", maxValue: duration.TotalSeconds);
                            await finished.Task.ConfigureAwait(false);
                        });
                    wall.Restart();
                },
                Progress = now =>
                {
                    long ms = wall.ElapsedMilliseconds;
                    if (task is null || ms - lastUpdate < 100)
                        return;
                    lastUpdate = ms;
                    double speed = now.Seconds / Math.Max(wall.Elapsed.TotalSeconds, 1e-9);
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"t = {now.Seconds:F1} s ({speed:F0}x real time)");
                    task.Value = now.Seconds;
                },
            });
        }
        finally
        {
            finished.TrySetResult();
            display?.GetAwaiter().GetResult();
        }
    }
}
