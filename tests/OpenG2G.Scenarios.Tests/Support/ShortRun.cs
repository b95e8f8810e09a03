using OpenG2G.Scenarios.Running;

namespace OpenG2G.Scenarios.Tests.Support;

/// <summary>
/// The shipped IEEE 13 OFO scenario shortened to 20 s, with the source at 0.97 pu so that voltages
/// violate the band and the metrics have something to measure, and 1000-row row groups so that the
/// writers go through several of them. Run once per test class.
/// </summary>
public sealed class ShortRun : IDisposable
{
    public ShortRun()
    {
        Directory = Path.Combine(Path.GetTempPath(), "openg2g-run-" + Guid.NewGuid().ToString("N"));
        Outcome = ScenarioRunner.Run(new RunRequest
        {
            ScenarioPath = Repo.Ieee13Ofo,
            OutputDirectory = Directory,
            Overrides = ["duration_s=20", "grid.source_pu=0.97", "outputs.row_group_rows=1000"],
            Plots = false,
        });
    }

    public string Directory { get; }

    public RunOutcome Outcome { get; }

    public string PathOf(string file) => Path.Combine(Directory, file);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
