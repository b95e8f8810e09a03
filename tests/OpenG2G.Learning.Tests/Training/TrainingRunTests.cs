using OpenG2G.Learning.Tests.Support;
using OpenG2G.Learning.Training;

namespace OpenG2G.Learning.Tests.Training;

public class TrainingRunTests
{
    private static TrainingOutcome Train(string file, string dir, int workers, bool resume = false, Action<string>? progress = null, CancellationToken cancel = default) =>
        TrainingRun.Run(new TrainingRequest { TrainingFile = file, OutputDirectory = dir, Workers = workers, Resume = resume, Progress = progress, Cancellation = cancel });

    [Fact]
    public void The_same_training_file_gives_the_same_policy_bytes_and_episode_table_whatever_the_workers()
    {
        using var folder = new TempFolder();
        string file = ShortTraining.Write(folder);
        TrainingOutcome a = Train(file, folder.PathOf("a"), workers: 1);
        TrainingOutcome b = Train(file, folder.PathOf("b"), workers: 2);

        Assert.Equal(2, a.Iterations);
        Assert.Equal(80, a.Steps);
        foreach (string name in new[] { TrainingRun.PolicyFileName, EpisodeTableWriter.FileName })
            Assert.Equal(File.ReadAllBytes(Path.Combine(a.OutputDirectory, name)), File.ReadAllBytes(Path.Combine(b.OutputDirectory, name)));
        foreach (string name in new[] { TrainingCurveWriter.ParquetName, TrainingCurveWriter.PngName, Checkpoint.FileName, "train.log" })
            Assert.True(File.Exists(Path.Combine(a.OutputDirectory, name)), name);
    }

    [Fact]
    public void A_training_stopped_after_an_iteration_and_resumed_ends_with_the_uninterrupted_policy()
    {
        using var folder = new TempFolder();
        string file = ShortTraining.Write(folder, totalSteps: 160);
        TrainingOutcome whole = Train(file, folder.PathOf("whole"), workers: 2);

        using var cancel = new CancellationTokenSource();
        string dir = folder.PathOf("stopped");
        Assert.Throws<OperationCanceledException>(() =>
            Train(file, dir, workers: 2, progress: line => { if (line.StartsWith("iteration 2:", StringComparison.Ordinal)) cancel.Cancel(); }, cancel: cancel.Token));
        Assert.False(File.Exists(Path.Combine(dir, TrainingRun.PolicyFileName)));
        TrainingOutcome resumed = Train(file, dir, workers: 1, resume: true);

        Assert.Equal(4, resumed.Iterations);
        Assert.Equal(whole.Curve.Select(r => r.MeanEpisodeReturn), resumed.Curve.Select(r => r.MeanEpisodeReturn));
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole.OutputDirectory, TrainingRun.PolicyFileName)), File.ReadAllBytes(Path.Combine(dir, TrainingRun.PolicyFileName)));
    }
}
