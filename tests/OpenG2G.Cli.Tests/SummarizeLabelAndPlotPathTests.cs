namespace OpenG2G.Cli.Tests;

/// <summary>
/// <c>summarize</c> tells runs of one scenario apart by their folders, and a plot path it cannot write is
/// invalid input (exit 2) without folders created on the way.
/// </summary>
public class SummarizeLabelAndPlotPathTests
{
    private static void ShortRun(string output)
    {
        CliProcess.Result r = CliProcess.Run("run", "scenarios/ieee13/ofo.yaml", "--set", "duration_s=1", "--set", "outputs.bus_voltages=false", "--no-plots", "--quiet", "--out", output);
        Assert.True(r.ExitCode == 0, r.Stderr);
    }

    [Fact]
    public void Rows_are_labelled_by_folder_and_folders_of_one_name_by_their_path()
    {
        using var temp = CliProcess.TempFolder("labels");
        string a = Path.Combine(temp.Path, "seed-a"), b = Path.Combine(temp.Path, "seed-b"), c1 = Path.Combine(temp.Path, "x", "c"), c2 = Path.Combine(temp.Path, "y", "c");
        foreach (string dir in new[] { a, b, c1, c2 })
            ShortRun(dir);

        CliProcess.Result r = CliProcess.Run("summarize", a, b, c1, c2 + "/", "--csv");

        Assert.Equal(0, r.ExitCode);
        var labels = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(["seed-a", "seed-b", c1, c2], labels);
    }

    [Fact]
    public void A_plot_into_a_missing_folder_is_refused_and_the_folder_is_not_created()
    {
        using var temp = CliProcess.TempFolder("plot-missing");
        string run = Path.Combine(temp.Path, "run");
        ShortRun(run);
        string png = Path.Combine(temp.Path, "no", "such", "x.png");

        CliProcess.Result r = CliProcess.Run("summarize", run, "--plot", png);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal([$"{png}: the folder {Path.Combine(temp.Path, "no", "such")} does not exist (it is not created: create it first, or choose another path)"], r.ErrorLines);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "no")));
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void A_plot_path_that_cannot_be_written_is_refused()
    {
        using var temp = CliProcess.TempFolder("plot-unwritable");
        string run = Path.Combine(temp.Path, "run");
        ShortRun(run);
        string png = Path.Combine(temp.Path, "taken.png");
        Directory.CreateDirectory(png);

        CliProcess.Result r = CliProcess.Run("summarize", run, "--plot", png);

        Assert.Equal(2, r.ExitCode);
        string line = Assert.Single(r.ErrorLines);
        Assert.StartsWith($"{png}: cannot write the plot there: ", line, StringComparison.Ordinal);
    }
}
