using OpenG2G.Learning.Evaluation;
using OpenG2G.Learning.Tests.Support;
using OpenG2G.Learning.Training;
using OpenG2G.Scenarios.Running;

namespace OpenG2G.Learning.Tests.Evaluation;

public class HeldOutEvaluationTests
{
    private static string EvaluationFile(TempFolder folder, string training)
    {
        string path = folder.PathOf("eval.yaml");
        File.WriteAllText(path, $"""
            training: {training}
            scenarios: 2
            cases:
              - {"{"} name: baseline, scenario: {Repo.Ieee13Baseline} {"}"}
              - {"{"} name: ofo, scenario: {Repo.Path("scenarios/ieee13/ofo.yaml")} {"}"}
            """);
        return path;
    }

    [Fact]
    public void Each_row_is_the_openg2g_run_of_its_case_on_a_held_out_draw_and_the_table_round_trips()
    {
        using var folder = new TempFolder();
        string training = ShortTraining.Write(folder);
        var rows = HeldOutEvaluation.Run(EvaluationFile(folder, training));

        Assert.Equal(4, rows.Length);
        Assert.Equal(["baseline", "ofo", "baseline", "ofo"], rows.Select(r => r.Case).ToArray());
        Assert.NotEqual(rows[0].Seed, rows[2].Seed);
        Assert.NotEqual(rows[0].Overrides, rows[2].Overrides);
        // Independent of the evaluation's own loop: run the first row as openg2g run does.
        HeldOutRow first = rows[0];
        RunOutcome run = ScenarioRunner.Run(new RunRequest
        {
            ScenarioPath = Repo.Ieee13Baseline, Seed = first.Seed, Overrides = first.Overrides.Split("; "), OutputDirectory = folder.PathOf("run"), Plots = false,
        });
        Assert.Equal(run.Summary.Voltage.IntegralViolationPuS, first.IntegralViolationPuS);
        Assert.Equal(run.Summary.Service.MeanThroughputTokensPerS, first.MeanThroughputTokensPerS);
        Assert.Equal(run.Summary.Commands, first.Commands);

        string parquet = folder.PathOf("heldout.parquet");
        HeldOutWriter.WriteParquet(parquet, rows);
        using var duck = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        duck.Open();
        using var cmd = duck.CreateCommand();
        cmd.CommandText = $"select count(*), sum(integral_violation_pu_s) from '{parquet}'";
        using var reader = cmd.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(4L, reader.GetInt64(0));
        Assert.Equal(rows.Sum(r => r.IntegralViolationPuS), reader.GetDouble(1), 12);
    }

    [Fact]
    public void Held_out_seeds_are_checked_against_every_training_episode()
    {
        using var folder = new TempFolder();
        var (t, _) = new TrainingFileLoader().Load(ShortTraining.Write(folder));
        // A seed stream that reproduces the training's own episode seeds must be refused.
        var e = new EvaluationFile { Training = "x", Scenarios = 1, SeedStream = "ppo/episode/0" };
        // "ppo/episode/0/0" is scenario 0 of that stream: the seed of iteration 0, environment 0.
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => HeldOutEvaluation.HeldOutSeeds(t, e, TimeSpan.FromSeconds(20)));
        Assert.Contains("was the seed of training episode 0/0", error.Message);
        Assert.Single(HeldOutEvaluation.HeldOutSeeds(t, e with { SeedStream = "heldout" }, TimeSpan.FromSeconds(20)));
    }
}
