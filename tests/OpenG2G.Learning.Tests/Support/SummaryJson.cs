using System.Text.Json.Nodes;
using OpenG2G.Scenarios.Results;

namespace OpenG2G.Learning.Tests.Support;

/// <summary>Summaries as the JSON text <c>summary.json</c> holds, without the one machine-dependent value.</summary>
internal static class SummaryJson
{
    public static string Of(RunSummary summary, TempFolder folder)
    {
        string path = folder.PathOf("env-summary-" + Guid.NewGuid().ToString("N") + ".json");
        SummaryWriter.Write(path, summary);
        return WithoutWallTime(path);
    }

    public static string WithoutWallTime(string summaryJsonPath)
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(summaryJsonPath))!;
        root["run"]!.AsObject().Remove("wall_time_s");
        return root.ToJsonString();
    }
}
