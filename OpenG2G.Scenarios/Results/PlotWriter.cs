using System.Globalization;
using OpenG2G.Core.Metrics;
using ScottPlot;

namespace OpenG2G.Scenarios.Results;

/// <summary>
/// PNG plots of a run, each with axis titles in units and its legend outside the data:
/// <c>voltage_envelope.png</c> (lowest and highest counted voltage with the limits), <c>bus_voltages.png</c>
/// (the <see cref="LabelledBuses"/> bus-phases with the worst excursions in colour and named, the rest in
/// grey), and per datacenter <c>power_&lt;site&gt;.png</c> (kW per phase), <c>batch_&lt;site&gt;.png</c> and
/// <c>itl_&lt;site&gt;.png</c> (with each model's deadline dashed in its colour). Series are min/max decimated
/// (<see cref="PlotCollector"/>), so the peaks drawn are the run's.
/// </summary>
public static class PlotWriter
{
    /// <summary>How many bus-phases the bus-voltage plot names.</summary>
    public const int LabelledBuses = 5;

    private const int Width = 1400;
    private const int Height = 650;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Write every plot; returns the file names. <paramref name="deadlinesS"/>: ITL deadline per model, in seconds.</summary>
    public static IReadOnlyList<string> Write(string directory, PlotCollector data, VoltageBand band, IReadOnlyDictionary<string, double> deadlinesS)
    {
        var files = new List<string>();
        foreach (var (file, plot) in Build(data, band, deadlinesS))
        {
            plot.SavePng(Path.Combine(directory, file), Width, Height);
            files.Add(file);
        }
        return files;
    }

    /// <summary>The plots, file name and figure, legends placed (what <see cref="Write"/> saves).</summary>
    internal static IReadOnlyList<(string File, Plot Plot)> Build(PlotCollector data, VoltageBand band, IReadOnlyDictionary<string, double> deadlinesS)
    {
        data.Complete();
        var plots = new List<(string, Plot)>();
        if (data.Envelope.TimeS.Count > 0)
        {
            var plot = NewPlot("Voltage envelope (counted bus-phases)", "voltage (pu)");
            Line(plot, data.Envelope, "lowest", "lowest", null, 1.5f);
            Line(plot, data.Envelope, "highest", "highest", null, 1.5f);
            Limits(plot, band);
            plots.Add(("voltage_envelope.png", plot));
            plots.Add(("bus_voltages.png", BusVoltagePlot(data.BusVoltages, band)));
        }
        foreach (var (site, s) in data.Sites)
        {
            var power = NewPlot($"Datacenter {site}: power per phase", "power (kW)");
            foreach (string phase in s.PowerKw.Series.Keys)
                Line(power, s.PowerKw, phase, phase, null, 1);
            plots.Add(($"power_{Safe(site)}.png", power));
            if (s.BatchSize.Series.Count == 0)
                continue;
            var batch = NewPlot($"Datacenter {site}: batch size", "batch size (sequences)");
            foreach (string model in s.BatchSize.Series.Keys)
                Line(batch, s.BatchSize, model, model, null, 1);
            plots.Add(($"batch_{Safe(site)}.png", batch));
            plots.Add(($"itl_{Safe(site)}.png", ItlPlot(site, s.ItlS, deadlinesS)));
        }
        foreach (var (_, plot) in plots)
            PlaceLegend(plot);
        return plots;
    }

    /// <summary>
    /// The <paramref name="count"/> bus-phases with the worst excursion: how far each goes outside the band
    /// (or, when none leaves it, how close it comes to a limit), worst first; ties by name.
    /// </summary>
    public static IReadOnlyList<(string Name, double MinPu, double MaxPu)> WorstBuses(MinMaxGroup buses, VoltageBand band, int count) =>
        buses.Series
            .Select(kv => (Name: kv.Key, kv.Value.Min, kv.Value.Max, Score: Math.Max(band.VMinPu - kv.Value.Min, kv.Value.Max - band.VMaxPu)))
            .Where(x => !double.IsNaN(x.Score))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(x => (x.Name, x.Min, x.Max))
            .ToList();

    private static Plot BusVoltagePlot(MinMaxGroup buses, VoltageBand band)
    {
        var labelled = WorstBuses(buses, band, LabelledBuses).Select(x => (x.Name, Min: x.MinPu, Max: x.MaxPu)).ToList();
        int others = buses.Series.Count - labelled.Count;
        var plot = NewPlot($"Bus voltages: the {labelled.Count} bus-phases with the worst excursions in colour, {others} others in grey", "voltage (pu)");
        var named = labelled.Select(x => x.Name).ToHashSet(StringComparer.Ordinal);
        foreach (string node in buses.Series.Keys.Where(n => !named.Contains(n)))
            Line(plot, buses, node, null, Colors.Gray.WithAlpha(0.45), 1);
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < labelled.Count; i++)
        {
            var x = labelled[i];
            double extreme = band.VMinPu - x.Min >= x.Max - band.VMaxPu ? x.Min : x.Max;
            Line(plot, buses, x.Name, string.Create(Inv, $"{x.Name} ({(extreme == x.Min ? "min" : "max")} {extreme:F4} pu)"), palette.GetColor(i), 1.5f);
        }
        Limits(plot, band);
        return plot;
    }

    private static Plot ItlPlot(string site, MinMaxGroup itl, IReadOnlyDictionary<string, double> deadlinesS)
    {
        var plot = NewPlot($"Datacenter {site}: inter-token latency (dashed: each model's deadline)", "ITL (s)");
        var palette = new ScottPlot.Palettes.Category10();
        int i = 0;
        foreach (string model in itl.Series.Keys)
        {
            Color color = palette.GetColor(i++);
            Line(plot, itl, model, model, color, 1);
            if (deadlinesS.TryGetValue(model, out double deadline))
            {
                var line = plot.Add.HorizontalLine(deadline, 1.5f, color, LinePattern.Dashed);
                line.LegendText = string.Create(Inv, $"{model} deadline {deadline:0.###} s");
            }
        }
        return plot;
    }

    private static Plot NewPlot(string title, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel("time (s)");
        plot.YLabel(yLabel);
        return plot;
    }

    private static void Line(Plot plot, MinMaxGroup group, string series, string? label, Color? color, float width)
    {
        IReadOnlyList<double> y = group.Series[series].Values;
        int n = Math.Min(group.TimeS.Count, y.Count);
        var scatter = plot.Add.Scatter(group.TimeS.Take(n).ToArray(), y.Take(n).ToArray());
        scatter.MarkerSize = 0;
        scatter.LineWidth = width;
        if (color is { } c)
            scatter.Color = c;
        if (label is not null)
            scatter.LegendText = label;
    }

    private static void Limits(Plot plot, VoltageBand band)
    {
        foreach (double limit in new[] { band.VMinPu, band.VMaxPu })
        {
            var line = plot.Add.HorizontalLine(limit, 1.5f, Colors.Red, LinePattern.Dashed);
            line.LegendText = limit == band.VMinPu ? string.Create(Inv, $"band {band.VMinPu}-{band.VMaxPu} pu") : string.Empty;
        }
    }

    /// <summary>Outside the data, on the right, so the legend hides none of it.</summary>
    private static void PlaceLegend(Plot plot)
    {
        if (plot.GetPlottables().Any(p => !string.IsNullOrEmpty(p.LegendItems.FirstOrDefault()?.LabelText)))
            plot.ShowLegend(Edge.Right);
    }

    private static string Safe(string name) =>
        new(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
