using System.Globalization;
using OpenG2G.Core.Metrics;
using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Tests.Support;
using ScottPlot;

namespace OpenG2G.Scenarios.Tests.Results;

/// <summary>
/// The plots of the IEEE 13 OFO study against every row of the run, read by DuckDB: decimation keeps each
/// series' extremes (the ITL spike at 0.585 s used to be drawn at 0.245 s), the ITL plot draws each
/// deadline, the bus plot names the bus-phases with the worst excursions, legends sit outside the data
/// and every axis has a title with its unit.
/// </summary>
public class PlotTests(PlottedRun run) : IClassFixture<PlottedRun>
{
    private static readonly VoltageBand Band = new(0.95, 1.05);

    [Fact]
    public void Decimation_keeps_the_highest_and_lowest_itl_of_every_model()
    {
        string models = run.PathOf(DatacenterWriter.ModelsFile);
        var itl = run.Collector.Sites["dc"].ItlS;
        foreach (var row in Duck.Query($"SELECT model, max(itl_s), min(itl_s) FROM read_parquet('{models}') WHERE NOT isnan(itl_s) GROUP BY model"))
        {
            string model = (string)row[0]!;
            Assert.Equal((double)row[1]!, itl.Series[model].Max);
            Assert.Equal((double)row[2]!, itl.Series[model].Min);
        }
        Assert.InRange(itl.TimeS.Count, 1000, PlotCollector.TargetPoints + 2);
        Assert.Equal(0.585, itl.Series.Values.Max(s => s.Max), 3);
    }

    [Fact]
    public void Decimation_keeps_the_extremes_of_every_bus_phase()
    {
        string buses = run.PathOf(BusVoltageWriter.FileName);
        var collected = run.Collector.BusVoltages.Series;
        var rows = Duck.Query($"SELECT bus, phase, min(voltage_pu), max(voltage_pu) FROM read_parquet('{buses}') WHERE bus NOT IN ('sourcebus', '650', 'rg60') GROUP BY bus, phase");
        Assert.Equal(rows.Count, collected.Count);
        foreach (var row in rows)
        {
            string name = string.Create(CultureInfo.InvariantCulture, $"{row[0]}.{row[1]}");
            Assert.Equal((double)row[2]!, collected[name].Min);
            Assert.Equal((double)row[3]!, collected[name].Max);
        }
    }

    [Fact]
    public void The_bus_plot_names_the_bus_phases_furthest_outside_the_band()
    {
        // Ranked independently in SQL: distance below 0.95 or above 1.05 (negative: inside), worst first.
        string buses = run.PathOf(BusVoltageWriter.FileName);
        var expected = Duck.Query(
            $"SELECT bus || '.' || phase AS name FROM read_parquet('{buses}') WHERE bus NOT IN ('sourcebus', '650', 'rg60') " +
            "GROUP BY bus, phase ORDER BY greatest(0.95 - min(voltage_pu), max(voltage_pu) - 1.05) DESC, name LIMIT 5").Select(r => (string)r[0]!).ToList();

        var worst = PlotWriter.WorstBuses(run.Collector.BusVoltages, Band, PlotWriter.LabelledBuses).Select(w => w.Name).ToList();

        Assert.Equal(expected, worst);
        Plot plot = Figure("bus_voltages.png");
        var named = plot.GetPlottables().SelectMany(p => p.LegendItems).Select(i => i.LabelText).Where(t => !string.IsNullOrEmpty(t)).ToList();
        Assert.Equal(worst, named.Take(5).Select(t => t.Split(' ')[0]));
    }

    [Fact]
    public void The_itl_plot_draws_each_models_deadline()
    {
        Plot plot = Figure("itl_dc.png");
        var lines = plot.GetPlottables().OfType<ScottPlot.Plottables.HorizontalLine>().Select(l => l.Y).Order().ToList();
        Assert.Equal(run.Built.ItlDeadlinesS.Values.Order().ToList(), lines);
        Assert.Equal([0.06, 0.08, 0.10, 0.12, 0.14], lines);
    }

    [Fact]
    public void Every_plot_has_axis_titles_with_units_and_its_legend_outside_the_data()
    {
        var plots = PlotWriter.Build(run.Collector, Band, run.Built.ItlDeadlinesS);
        Assert.Equal(["voltage_envelope.png", "bus_voltages.png", "power_dc.png", "batch_dc.png", "itl_dc.png"], plots.Select(p => p.File));
        foreach (var (file, plot) in plots)
        {
            Assert.Equal("time (s)", plot.Axes.Bottom.Label.Text);
            Assert.Matches(@"^.+ \((pu|kW|s|sequences)\)$", plot.Axes.Left.Label.Text);
            Assert.False(plot.Legend.IsVisible, file + ": the legend inside the data area is hidden");
            Assert.Contains(plot.Axes.GetPanels(), p => p.GetType().Name.Contains("Legend", StringComparison.Ordinal));
        }
    }

    private Plot Figure(string file) => PlotWriter.Build(run.Collector, Band, run.Built.ItlDeadlinesS).Single(p => p.File == file).Plot;
}
