using System.Text.Json;
using OpenG2G.Scenarios.Running;
using OpenG2G.Scenarios.Tests.Support;

namespace OpenG2G.Scenarios.Tests.Studies;

/// <summary>
/// The shipped IEEE 13 study scenarios (<c>scenarios/ieee13/*.yaml</c>), each run once for the whole
/// 3600 s exactly as shipped, except that plots and the per-bus voltage table are not written (they do
/// not change the metrics). Results are read back from each run's <c>summary.json</c> and
/// <c>grid.parquet</c>, the files a user reads.
/// </summary>
public sealed class Ieee13Study : IDisposable
{
    public static readonly string[] Cases = ["baseline", "ofo", "rule-based", "pid", "pid-power-cap"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "openg2g-ieee13-study-" + Guid.NewGuid().ToString("N"));

    public Ieee13Study()
    {
        foreach (string c in Cases)
        {
            ScenarioRunner.Run(new RunRequest
            {
                ScenarioPath = Path.Combine(Repo.Root, "scenarios", "ieee13", c + ".yaml"),
                OutputDirectory = Folder(c),
                Overrides = ["outputs.bus_voltages=false"],
                Plots = false,
            });
        }
    }

    public string Folder(string scenarioCase) => Path.Combine(_root, scenarioCase);

    public StudySummary Summary(string scenarioCase)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(scenarioCase), "summary.json")));
        JsonElement root = doc.RootElement;
        JsonElement v = root.GetProperty("voltage"), s = root.GetProperty("service");
        return new StudySummary(
            root.GetProperty("run").GetProperty("status").GetString()!,
            v.GetProperty("violation_time_s").GetDouble(),
            v.GetProperty("integral_violation_pu_s").GetDouble(),
            s.GetProperty("mean_throughput_tokens_per_s").GetDouble(),
            s.GetProperty("itl_deadline_miss_fraction").GetDouble(),
            root.GetProperty("run").GetProperty("commands").GetInt64(),
            v.GetProperty("worst_vmin_pu").GetDouble());
    }

    public string GridTable(string scenarioCase) => Path.Combine(Folder(scenarioCase), "grid.parquet");

    public string PathOf(string scenarioCase, string file) => Path.Combine(Folder(scenarioCase), file);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

public sealed record StudySummary(string Status, double ViolationTimeS, double IntegralViolationPuS, double MeanThroughputTokensPerS, double ItlDeadlineMissFraction, long Commands, double WorstVminPu);
