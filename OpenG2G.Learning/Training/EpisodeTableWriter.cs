using OpenG2G.Learning.Randomisation;
using OpenG2G.Scenarios.Results;

namespace OpenG2G.Learning.Training;

/// <summary>
/// <c>episodes.parquet</c>: every training episode's iteration, environment, seed and scenario overrides
/// (joined with <c>; </c>; empty without randomisation). Each row reproduces its scenario:
/// <c>openg2g run BASE --seed SEED --set ...</c> with the agent in place of the controllers.
/// </summary>
public static class EpisodeTableWriter
{
    public const string FileName = "episodes.parquet";

    public static void Write(string path, ulong seed, int iterations, int environments, ScenarioRandomiser? randomiser)
    {
        using var table = new ParquetTable(path, 65536);
        IntColumn iteration = table.AddInt("iteration");
        IntColumn environment = table.AddInt("environment");
        StringColumn seedColumn = table.AddString("seed");
        StringColumn overrides = table.AddString("overrides");
        for (int k = 0; k < iterations; k++)
        {
            for (int i = 0; i < environments; i++)
            {
                ulong s = PpoTrainer.EpisodeSeed(seed, k, i);
                iteration.Set(k + 1);
                environment.Set(i);
                seedColumn.Set(s.ToString(System.Globalization.CultureInfo.InvariantCulture));
                overrides.Set(randomiser is null ? "" : string.Join("; ", randomiser.Sample(s)));
                table.EndRow();
            }
        }
    }
}
