using OpenG2G.Core.Diagnostics;
using ScottPlot;

namespace OpenG2G.Scenarios.Results;

/// <summary>
/// One picture of several runs: the lowest (thick) and highest (thin) counted voltage of each run over
/// time, read from its <c>grid.parquet</c>, with the voltage band dashed. Each series keeps at most
/// <see cref="TargetPoints"/> points: per window the lowest of the minima and the highest of the maxima,
/// so no excursion disappears from the picture.
/// </summary>
public static class ComparisonPlot
{
    public const int TargetPoints = 2000;

    /// <summary>The windowed envelope of one run: window start times, lowest and highest counted voltage.</summary>
    public static (double[] TimeS, double[] MinPu, double[] MaxPu) Envelope(string runFolder)
    {
        string file = Path.Combine(runFolder, GridWriter.GridFile);
        if (!File.Exists(file))
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(runFolder, 0, 0), "", $"no {GridWriter.GridFile} here: the run has no grid table to plot"));
        double[][] c = ParquetColumns.ReadDoubles(file, "time_s", "min_voltage_pu", "max_voltage_pu");
        int n = c[0].Length;
        int stride = Math.Max(1, (n + TargetPoints - 1) / TargetPoints);
        int windows = (n + stride - 1) / stride;
        var time = new double[windows];
        var min = new double[windows];
        var max = new double[windows];
        for (int w = 0; w < windows; w++)
        {
            int start = w * stride, end = Math.Min(n, start + stride);
            time[w] = c[0][start];
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (int i = start; i < end; i++)
            {
                // A NaN (no counted voltage in that snapshot) fails both comparisons and is skipped.
                if (c[1][i] < lo)
                    lo = c[1][i];
                if (c[2][i] > hi)
                    hi = c[2][i];
            }
            min[w] = double.IsPositiveInfinity(lo) ? double.NaN : lo;
            max[w] = double.IsNegativeInfinity(hi) ? double.NaN : hi;
        }
        return (time, min, max);
    }

    /// <summary>Draw <paramref name="rows"/> (their folders' grid tables) into <paramref name="pngPath"/>.</summary>
    public static void Write(string pngPath, IReadOnlyList<SummaryRow> rows)
    {
        var plot = new Plot();
        plot.Title("Lowest (thick) and highest (thin) counted voltage");
        plot.XLabel("time (s)");
        plot.YLabel("voltage (pu)");
        var palette = new ScottPlot.Palettes.Category10();
        for (int r = 0; r < rows.Count; r++)
        {
            (double[] t, double[] min, double[] max) = Envelope(rows[r].Folder);
            Color color = palette.GetColor(r);
            var low = plot.Add.Scatter(t, min, color);
            low.MarkerSize = 0;
            low.LineWidth = 2;
            low.LegendText = rows[r].Run;
            var high = plot.Add.Scatter(t, max, color);
            high.MarkerSize = 0;
            high.LineWidth = 1;
        }
        SummaryRow? first = rows.FirstOrDefault(row => double.IsFinite(row.BandMinPu));
        if (first is not null)
        {
            foreach (double limit in new[] { first.BandMinPu, first.BandMaxPu })
            {
                var line = plot.Add.HorizontalLine(limit);
                line.LinePattern = LinePattern.Dashed;
                line.Color = Colors.Red;
            }
        }
        // Outside the data, so it hides none of it.
        plot.ShowLegend(Edge.Right);
        Save(plot, pngPath);
    }

    /// <summary>Write the PNG; a folder that does not exist or a file that cannot be written is invalid input, not a crash.</summary>
    private static void Save(Plot plot, string pngPath)
    {
        string full = Path.GetFullPath(pngPath);
        string directory = Path.GetDirectoryName(full) ?? full;
        if (!Directory.Exists(directory))
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(pngPath, 0, 0), "", $"the folder {directory} does not exist (it is not created: create it first, or choose another path)"));
        try
        {
            plot.SavePng(full, 1400, 600);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(pngPath, 0, 0), "", $"cannot write the plot there: {e.Message}"));
        }
    }
}
