using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Results.Summary;
using ScottPlot;

namespace OpenG2G.Scenarios.Sweeps;

/// <summary>
/// The pictures a sweep file declares (<c>plots</c>), drawn from a sweep folder's results into that folder as PNG:
/// lines (y against x, a line per series, means over replicate seeds), heatmaps (value over x and y) and grouped bars.
/// Axis titles carry the units of summary metrics.
/// </summary>
public static class SweepPlots
{
    /// <summary>Draw every plot of the sweep in <paramref name="directory"/>; returns the PNG paths.</summary>
    public static IReadOnlyList<string> Write(string directory)
    {
        SweepManifest manifest = SweepManifest.Read(directory)
            ?? throw new InvalidInputException(Diagnostic.Error(new SourceLocation(directory, 0, 0), string.Empty, $"no {SweepManifest.FileName} here: not a sweep output folder"));
        SweepPlan plan = SweepLoader.Load(manifest.SweepFile, checkRuns: false);
        if (plan.Plots.IsEmpty)
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(manifest.SweepFile, 0, 0), "plots", "the sweep file declares no plots"));
        var files = new List<string>();
        for (int i = 0; i < plan.Plots.Length; i++)
        {
            SweepPlotOptions p = plan.Plots[i];
            var at = new SourceLocation(manifest.SweepFile, 0, 0);
            string path = $"plots[{i}]";
            SweepResults all = SweepResults.Read(directory, p.Source == SweepPlotSource.Searches ? SweepTable.SearchFolder : SweepTable.SummaryFolder);
            string file = Path.Combine(directory, p.File ?? $"plot{i}.png");
            // With a panel column: one picture per value of it, named FILE-VALUE.png.
            var panels = p.Panel is null
                ? [(Suffix: string.Empty, Rows: all)]
                : all.Rows.Select(row => SweepResults.Text(row[all.IndexOf(p.Panel, at, path + ".panel")])).Distinct().Order(StringComparer.Ordinal)
                    .Select(v => (Suffix: "-" + v, Rows: all.Where(row => SweepResults.Text(row[all.IndexOf(p.Panel, at, path + ".panel")]) == v))).ToList();
            foreach (var (suffix, results) in panels)
            {
                Plot plot = p.Kind switch
                {
                    SweepPlotKind.Heatmap => Heatmap(p, results, at, path),
                    SweepPlotKind.Bars => Bars(p, results, at, path),
                    _ => Lines(p, results, at, path),
                };
                // A one-at-a-time panel's x is the varied parameter itself: name it.
                if (p.X == "varied_value" && p.Panel == "varied" && suffix.Length > 0)
                    plot.XLabel(suffix[1..] + (p.LogX ? " (log scale)" : string.Empty));
                plot.Title((p.Title ?? plan.Name) + (suffix.Length > 0 ? $" ({p.Panel} = {suffix[1..]})" : string.Empty));
                string png = suffix.Length == 0 ? file : Path.Combine(directory, Path.GetFileNameWithoutExtension(file) + suffix + ".png");
                plot.SavePng(png, 1200, 700);
                files.Add(png);
            }
        }
        return files;
    }

    private static Plot Lines(SweepPlotOptions p, SweepResults r, SourceLocation at, string path)
    {
        int x = r.IndexOf(Required(p.X, at, path + ".x"), at, path + ".x"), y = r.IndexOf(Required(p.Y, at, path + ".y"), at, path + ".y");
        int? series = p.Series is null ? null : r.IndexOf(p.Series, at, path + ".series");
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        // Categorical x: every distinct x at its rank.
        double[] ranks = r.Rows.Select(row => SweepResults.Number(row[x])).Where(double.IsFinite).Distinct().Order().ToArray();
        double Position(double value) => p.CategoricalX ? Array.IndexOf(ranks, value) : p.LogX ? Math.Log10(value) : value;
        int k = 0;
        foreach (var group in r.Rows.GroupBy(row => series is int s ? SweepResults.Text(row[s]) : string.Empty).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var points = group.GroupBy(row => SweepResults.Number(row[x]))
                .Where(g => double.IsFinite(g.Key))
                .Select(g => (X: g.Key, Y: g.Select(row => SweepResults.Number(row[y])).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average()))
                .OrderBy(pt => pt.X).ToList();
            double[] xs = points.Select(pt => Position(pt.X)).ToArray();
            var line = plot.Add.Scatter(xs, points.Select(pt => pt.Y).ToArray(), palette.GetColor(k++));
            line.MarkerSize = 6;
            if (series is not null)
                line.LegendText = $"{p.Series} = {group.Key}";
        }
        if (p.LogX || p.CategoricalX)
        {
            // Ticks at each measured x, labelled with its value.
            var ticks = ranks.Where(v => !p.LogX || v > 0).ToArray();
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.Select(Position).ToArray(), ticks.Select(t => SweepResults.Text(t)).ToArray());
        }
        plot.XLabel(Label(p.X!) + (p.LogX ? " (log scale)" : string.Empty));
        plot.YLabel(Label(p.Y!));
        if (series is not null)
            plot.ShowLegend(Edge.Right);
        return plot;
    }

    private static Plot Heatmap(SweepPlotOptions p, SweepResults r, SourceLocation at, string path)
    {
        int x = r.IndexOf(Required(p.X, at, path + ".x"), at, path + ".x"), y = r.IndexOf(Required(p.Y, at, path + ".y"), at, path + ".y");
        int v = r.IndexOf(Required(p.Value, at, path + ".value"), at, path + ".value");
        var xs = Categories(r, x);
        var ys = Categories(r, y);
        var data = new double[ys.Count, xs.Count];
        for (int i = 0; i < ys.Count; i++)
        {
            for (int j = 0; j < xs.Count; j++)
            {
                var cells = r.Rows.Where(row => SweepResults.Text(row[x]) == xs[j] && SweepResults.Text(row[y]) == ys[i])
                    .Select(row => SweepResults.Number(row[v])).Where(double.IsFinite).ToList();
                // Row 0 of the data is drawn at the top: put the first y category at the bottom.
                data[ys.Count - 1 - i, j] = cells.Count > 0 ? cells.Average() : double.NaN;
            }
        }
        var plot = new Plot();
        var map = plot.Add.Heatmap(data);
        map.Extent = new CoordinateRect(-0.5, xs.Count - 0.5, -0.5, ys.Count - 0.5);
        plot.Add.ColorBar(map).Label = Label(p.Value!);
        plot.Axes.Bottom.TickGenerator = Ticks(xs);
        plot.Axes.Left.TickGenerator = Ticks(ys);
        plot.XLabel(Label(p.X!));
        plot.YLabel(Label(p.Y!));
        return plot;
    }

    private static Plot Bars(SweepPlotOptions p, SweepResults r, SourceLocation at, string path)
    {
        int x = r.IndexOf(Required(p.X, at, path + ".x"), at, path + ".x"), v = r.IndexOf(Required(p.Value, at, path + ".value"), at, path + ".value");
        int? series = p.Series is null ? null : r.IndexOf(p.Series, at, path + ".series");
        var xs = Categories(r, x);
        var groups = series is int s ? Categories(r, s) : [string.Empty];
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        double width = 0.8 / groups.Count;
        for (int g = 0; g < groups.Count; g++)
        {
            var bars = new List<Bar>();
            for (int j = 0; j < xs.Count; j++)
            {
                var cells = r.Rows.Where(row => SweepResults.Text(row[x]) == xs[j] && (series is not int si || SweepResults.Text(row[si]) == groups[g]))
                    .Select(row => SweepResults.Number(row[v])).Where(double.IsFinite).ToList();
                if (cells.Count > 0)
                    bars.Add(new Bar { Position = j - 0.4 + width * (g + 0.5), Value = cells.Average(), Size = width * 0.9, FillColor = palette.GetColor(g) });
            }
            plot.Add.Bars(bars);
            if (series is not null)
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{p.Series} = {groups[g]}", FillColor = palette.GetColor(g) });
        }
        plot.Axes.Bottom.TickGenerator = Ticks(xs);
        plot.Axes.Margins(bottom: 0);
        plot.XLabel(Label(p.X!));
        plot.YLabel(Label(p.Value!));
        if (series is not null)
            plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>Distinct values of a column: in numeric order when every one reads as a number (bus names such as "60" too), else ordinal.</summary>
    private static List<string> Categories(SweepResults r, int column)
    {
        var values = r.Rows.Select(row => SweepResults.Text(row[column])).Distinct().ToList();
        var numbers = values.Select(v => double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double d) ? d : double.NaN).ToList();
        return numbers.All(double.IsFinite)
            ? values.Zip(numbers).OrderBy(x => x.Second).Select(x => x.First).ToList()
            : values.Order(StringComparer.Ordinal).ToList();
    }

    private static ScottPlot.TickGenerators.NumericManual Ticks(List<string> labels) =>
        new(Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray(), labels.ToArray());

    /// <summary>A column's axis title: a summary metric's key with its unit (e.g. <c>voltage.violation_time_s (s)</c>), a parameter as named.</summary>
    private static string Label(string column)
    {
        SummaryField<Results.RunSummary>? f = SummaryFields.Run.FirstOrDefault(f => SweepTable.ColumnName(f.Path) == column);
        return f is null || f.Unit.Length == 0 ? column : $"{f.Path} ({f.Unit})";
    }

    private static string Required(string? value, SourceLocation at, string path) =>
        value ?? throw new InvalidInputException(Diagnostic.Error(at, path, "required for this kind of plot"));
}
