using OpenG2G.Scenarios.Results;
using ScottPlot;

namespace OpenG2G.Learning.Training;

/// <summary>
/// <c>training_curve.parquet</c> (one row per iteration; units in the column names) and
/// <c>training_curve.png</c> (episode return, violation integral, reported throughput and steps/s against
/// environment steps, four panels).
/// </summary>
public static class TrainingCurveWriter
{
    public const string ParquetName = "training_curve.parquet";
    public const string PngName = "training_curve.png";

    public static void WriteParquet(string directory, IReadOnlyList<CurveRow> rows)
    {
        using var table = new ParquetTable(Path.Combine(directory, ParquetName), Math.Max(rows.Count, 1));
        IntColumn iteration = table.AddInt("iteration");
        DoubleColumn steps = table.AddDouble("environment_steps");
        DoubleColumn ret = table.AddDouble("mean_episode_return");
        DoubleColumn violation = table.AddDouble("mean_violation_integral_pu_s");
        DoubleColumn throughput = table.AddDouble("mean_throughput_tokens_per_s");
        DoubleColumn sps = table.AddDouble("steps_per_s");
        DoubleColumn envSps = table.AddDouble("environment_steps_per_s");
        DoubleColumn lr = table.AddDouble("learning_rate");
        DoubleColumn entropy = table.AddDouble("entropy");
        DoubleColumn kl = table.AddDouble("approx_kl");
        DoubleColumn clip = table.AddDouble("clip_fraction");
        DoubleColumn value = table.AddDouble("value_loss");
        foreach (CurveRow r in rows)
        {
            iteration.Set(r.Iteration);
            steps.Set(r.Steps);
            ret.Set(r.MeanEpisodeReturn);
            violation.Set(r.MeanViolationIntegralPuS);
            throughput.Set(r.MeanThroughputTokensPerS);
            sps.Set(r.StepsPerS);
            envSps.Set(r.EnvironmentStepsPerS);
            lr.Set(r.LearningRate);
            entropy.Set(r.Entropy);
            kl.Set(r.ApproxKl);
            clip.Set(r.ClipFraction);
            value.Set(r.ValueLoss);
            table.EndRow();
        }
    }

    public static void WritePng(string directory, IReadOnlyList<CurveRow> rows)
    {
        if (rows.Count == 0)
            return;
        double[] x = rows.Select(r => (double)r.Steps).ToArray();
        var multi = new Multiplot();
        multi.AddPlots(4);
        Panel(multi.GetPlot(0), "Mean episode return", "return", x, rows.Select(r => r.MeanEpisodeReturn));
        Panel(multi.GetPlot(1), "Mean violation integral per episode", "pu·s", x, rows.Select(r => r.MeanViolationIntegralPuS));
        Panel(multi.GetPlot(2), "Mean reported throughput", "tokens/s", x, rows.Select(r => r.MeanThroughputTokensPerS));
        Panel(multi.GetPlot(3), "Training speed (whole iteration)", "steps/s", x, rows.Select(r => r.StepsPerS));
        multi.SavePng(Path.Combine(directory, PngName), 1200, 1400);
    }

    private static void Panel(Plot plot, string title, string yLabel, double[] x, IEnumerable<double> y)
    {
        plot.Title(title);
        plot.XLabel("environment steps");
        plot.YLabel(yLabel);
        var line = plot.Add.Scatter(x, y.ToArray());
        line.MarkerSize = 3;
    }
}
