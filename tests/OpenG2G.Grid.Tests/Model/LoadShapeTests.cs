using OpenG2G.Grid.Dss;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.Model.Loads;
using OpenG2G.Grid.Model.Shapes;

namespace OpenG2G.Grid.Tests.Model;

/// <summary>Load shapes (OpenDSS's point-selection rule) and the load specifications that use kVA.</summary>
public sealed class LoadShapeTests
{
    private static DssModel Build(string text, string file = "t.dss")
    {
        var (model, diagnostics) = ModelBuilder.Build(DssReader.ReadText(text, file));
        Assert.DoesNotContain(diagnostics, d => d.Severity == OpenG2G.Core.Diagnostics.Severity.Error);
        return model;
    }

    [Fact]
    public void Fixed_interval_shapes_take_the_nearest_point_and_wrap_around()
    {
        var shape = Build("New LoadShape.s npts=3 interval=1 mult=(0.2, 0.5, 0.9)").Find<LoadShapeElement>("s")!;
        // Point k (1-based) applies at hour k; hour 0 is the last point, as OpenDSS indexes round(h / interval).
        Assert.Equal(0.9, shape.MultiplierAt(0.0));
        Assert.Equal(0.2, shape.MultiplierAt(1.0));
        Assert.Equal(0.5, shape.MultiplierAt(2.4));
        Assert.Equal(0.9, shape.MultiplierAt(2.6));
        Assert.Equal(0.2, shape.MultiplierAt(4.0));
    }

    [Fact]
    public void Seconds_intervals_normalisation_and_values_from_a_file()
    {
        string dir = Path.Combine(Path.GetTempPath(), "openg2g-shape-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "m.txt"), "2\n4,ignored\n\n8\n");
        try
        {
            var shape = Build("New LoadShape.s npts=3 sinterval=900 mult=(file=m.txt) action=normalize", Path.Combine(dir, "t.dss"))
                .Find<LoadShapeElement>("s")!;
            Assert.Equal([0.25, 0.5, 1.0], shape.Multipliers);
            Assert.Equal(0.5, shape.MultiplierAt(0.5)); // 1800 s = point 2
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Every_new_circuit_has_the_default_daily_shape_and_keeps_library_objects()
    {
        var model = Build("New LoadShape.mine npts=1 mult=(1)\nNew Circuit.c\nNew Load.l bus1=sourcebus daily=default yearly=mine");
        var load = model.Find<LoadElement>("l")!;
        Assert.Equal(24, load.DailyShape!.Multipliers.Count);
        Assert.Equal(1.0, load.DailyShape.MultiplierAt(17)); // the default shape peaks at hour 17
        Assert.Equal("mine", load.YearlyShape!.Name);
    }

    [Fact]
    public void Allocated_and_kva_loads_take_power_from_kva_and_pf()
    {
        var model = Build("""
            New Circuit.c
            New Load.a bus1=sourcebus kW=0.0001 pf=0.9 xfkVA=50
            Load.a.AllocationFactor=0.4
            New Load.b bus1=sourcebus kVA=100 pf=-0.8
            New Load.c bus1=sourcebus xfkVA=50 kW=7 pf=0.9
            """);
        var a = model.Find<LoadElement>("a")!;
        Assert.Equal(50 * 0.4 * 0.9, a.EffectiveKw, 12);
        Assert.Equal(18 * Math.Sqrt(1 / 0.81 - 1), a.Kvar, 12);
        var b = model.Find<LoadElement>("b")!;
        Assert.Equal(80.0, b.EffectiveKw, 12);
        Assert.Equal(-60.0, b.Kvar, 9); // a negative pf supplies vars
        Assert.Equal(7.0, model.Find<LoadElement>("c")!.EffectiveKw); // kW given last wins
    }
}
