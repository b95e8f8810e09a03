using OpenG2G.Core.Metrics;
using ScottPlot;

namespace OpenG2G.Scenarios.Results;

/// <summary>
/// PNG plots of a run: <c>voltage_envelope.png</c> (lowest and highest counted voltage with the limits),
/// <c>bus_voltages.png</c> (every counted bus-phase with the limits), and per datacenter
/// <c>power_&lt;site&gt;.png</c> (kW per phase), <c>batch_&lt;site&gt;.png</c> and <c>itl_&lt;site&gt;.png</c>.
/// </summary>
public static class PlotWriter
{
    private const int Width = 1200;
    private const int Height = 600;

    /// <summary>Write every plot; returns the file names.</summary>
    public static IReadOnlyList<string> Write(string directory, PlotCollector data, VoltageBand band, IReadOnlyDictionary<string, double> deadlinesS)
    {
        var files = new List<string>();
        if (data.EnvelopeTimeS.Count > 0)
        {
            var plot = NewPlot("Voltage envelope (counted bus-phases)", "voltage (pu)");
            Line(plot, data.EnvelopeTimeS, data.EnvelopeMinPu, "lowest");
            Line(plot, data.EnvelopeTimeS, data.EnvelopeMaxPu, "highest");
            Limits(plot, band);
            files.Add(Save(plot, directory, "voltage_envelope.png"));

            var all = NewPlot("Bus voltages", "voltage (pu)");
            foreach (var (node, values) in data.BusVoltages)
                Line(all, data.VoltageTimeS, values, null);
            Limits(all, band);
            files.Add(Save(all, directory, "bus_voltages.png"));
        }
        foreach (var (site, s) in data.Sites)
        {
            var power = NewPlot($"Datacenter {site}: power per phase", "power (kW)");
            Line(power, s.TimeS, s.PowerAKw, "phase A");
            Line(power, s.TimeS, s.PowerBKw, "phase B");
            Line(power, s.TimeS, s.PowerCKw, "phase C");
            files.Add(Save(power, directory, $"power_{Safe(site)}.png"));
            if (s.BatchSize.Count == 0)
                continue;
            var batch = NewPlot($"Datacenter {site}: batch size", "batch size (sequences)");
            foreach (var (model, values) in s.BatchSize)
                Line(batch, s.TimeS, values, model);
            files.Add(Save(batch, directory, $"batch_{Safe(site)}.png"));
            var itl = NewPlot($"Datacenter {site}: inter-token latency", "ITL (s)");
            foreach (var (model, values) in s.ItlS)
                Line(itl, s.TimeS, values, model);
            files.Add(Save(itl, directory, $"itl_{Safe(site)}.png"));
        }
        return files;
    }

    private static Plot NewPlot(string title, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel("time (s)");
        plot.YLabel(yLabel);
        return plot;
    }

    private static void Line(Plot plot, List<double> x, List<double> y, string? label)
    {
        int n = Math.Min(x.Count, y.Count);
        var scatter = plot.Add.Scatter(x.Take(n).ToArray(), y.Take(n).ToArray());
        scatter.MarkerSize = 0;
        if (label is not null)
            scatter.LegendText = label;
    }

    private static void Limits(Plot plot, VoltageBand band)
    {
        foreach (double limit in new[] { band.VMinPu, band.VMaxPu })
        {
            var line = plot.Add.HorizontalLine(limit);
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Red;
        }
    }

    private static string Save(Plot plot, string directory, string name)
    {
        if (plot.GetPlottables().Any(p => !string.IsNullOrEmpty(p.LegendItems.FirstOrDefault()?.LabelText)))
            plot.ShowLegend();
        plot.SavePng(Path.Combine(directory, name), Width, Height);
        return name;
    }

    private static string Safe(string name) =>
        new(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
