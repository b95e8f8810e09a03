using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.Model.Lines;
using OpenG2G.Grid.Model.Loads;

namespace OpenG2G.Grid.Tests.Dss;

/// <summary>Reader features the public feeders rely on: positional values, BatchEdit, measurement elements, NUL bytes.</summary>
public sealed class OpenDssSyntaxTests
{
    private static (DssModel Model, IReadOnlyList<Diagnostic> Diagnostics) Build(string text) =>
        ModelBuilder.Build(DssReader.ReadText(text, "t.dss"));

    [Fact]
    public void Values_without_names_set_the_properties_that_follow_in_OpenDSS_order()
    {
        var (model, diagnostics) = Build("New Circuit.c\nNew Line.l bus1=a bus2=b switch=y R1=1 2 3 4 Length=0.5");
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        var line = model.Find<LineElement>("l")!;
        var (r, x, _) = line.Impedance.Matrices();
        // R1=1 X1=2 R0=3 X0=4: self = (2 z1 + z0)/3, mutual = (z0 - z1)/3.
        Assert.Equal((2 * 1 + 3) / 3.0, r[0, 0], 12);
        Assert.Equal((3 - 1) / 3.0, r[0, 1], 12);
        Assert.Equal((2 * 2 + 4) / 3.0, x[0, 0], 12);
        Assert.Equal(0.5, line.Length);
    }

    [Fact]
    public void A_value_past_the_last_property_is_an_error_with_its_location()
    {
        var (_, diagnostics) = Build("New Circuit.c\nNew LoadShape.s memorymapping=no 7");
        Assert.Equal(
            ["t.dss:2:34: LoadShape.s: positional value '7' follows the last LoadShape property; write property=value"],
            diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void BatchEdit_edits_every_matching_element_of_the_class()
    {
        var (model, diagnostics) = Build("New Circuit.c\nNew Load.a1 bus1=x\nNew Load.a2 bus1=x\nNew Load.b bus1=x\nBatchEdit Load.a.* vminpu=0.6");
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(0.6, model.Find<LoadElement>("a1")!.VminPu);
        Assert.Equal(0.6, model.Find<LoadElement>("a2")!.VminPu);
        Assert.Equal(0.95, model.Find<LoadElement>("b")!.VminPu);
    }

    [Fact]
    public void Measurement_elements_are_accepted_once_as_information()
    {
        var (_, diagnostics) = Build("New Circuit.c\nNew EnergyMeter.m Line.l1 1\nNew Monitor.m1 element=Line.l1 mode=1\nNew Monitor.m2 element=Line.l1\nEnergyMeter.m.peakcurrent=[1 2 3]");
        Assert.Equal(
            [
                "t.dss:2:5: EnergyMeter objects do not affect the power flow; they are accepted and not simulated",
                "t.dss:3:5: Monitor objects do not affect the power flow; they are accepted and not simulated",
            ],
            diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void NUL_bytes_read_as_blanks()
    {
        var (model, diagnostics) = Build("New Circuit.c\nNew Load.a bus1=x vminpu=0.7\0\0");
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(0.7, model.Find<LoadElement>("a")!.VminPu);
    }
}
