using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.Model.Lines;
using OpenG2G.Grid.Model.Transformers;

namespace OpenG2G.Grid.Tests.Dss;

/// <summary>DSS syntax: comments, continuation, quoting, RPN, like=, implicit edits, case-insensitivity.</summary>
public sealed class ReaderFeatureTests
{
    private static (DssModel Model, IReadOnlyList<Diagnostic> Diagnostics) Build(string text) =>
        ModelBuilder.Build(DssReader.ReadText(text, "t.dss"));

    [Fact]
    public void Comments_do_not_renumber_lines()
    {
        var script = DssReader.ReadText("/* a\nb */ New Line.x\n! c\n// d\nNew Line.y ! e", "t.dss");
        Assert.Equal([2, 5], script.Commands.Select(c => c.Location.Line));
        Assert.Equal(6, script.Commands[0].Location.Column);
    }

    [Fact]
    public void Rpn_arrays_quotes_and_continuation()
    {
        var (model, diagnostics) = Build(
            "New Circuit.c bus1=s\nNew Transformer.T phases=3 windings=2 XHL=(8 1000 /)\n" +
            "~ buses=\"s, lo.1.2.3\" conns='delta wye' kVs=[115 4.16] kVAs={5000 5000} %r=(.5 1000 /)");
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        var t = model.Find<TransformerElement>("t")!;
        Assert.Equal(0.00008, t.XhlPu, 15);
        Assert.True(t.Windings[0].IsDelta);
        Assert.Equal("lo", t.Windings[1].Bus!.Key);
        Assert.Equal(new[] { 1, 2, 3 }, t.Windings[1].Bus!.Nodes.ToArray());
        Assert.Equal(4.16, t.Windings[1].KvLineToLine);
        Assert.Equal(0.000005, t.Windings[0].Rpu, 15);
    }

    [Fact]
    public void Like_copies_and_implicit_edit_changes_one_property()
    {
        var (model, diagnostics) = Build(
            "New LineCode.A nphases=1 r1=0.5 x1=0.25 units=kft\nNew LineCode.b like=a r1=0.75\nLINECODE.B.X1=2");
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        var b = model.Find<LineCodeElement>("B")!;
        Assert.Equal(LengthUnits.Kft, b.Units);
        Assert.Equal(0.75, b.Impedance.R1);
        Assert.Equal(2.0, b.Impedance.X1);
        Assert.Equal(0.5, model.Find<LineCodeElement>("a")!.Impedance.R1);
    }

    [Fact]
    public void Skipped_commands_are_reported_as_information()
    {
        var (model, diagnostics) = Build("New Circuit.c\nSolve\nSetBusXY bus=SourceBus X=1 Y=2\nShow Voltages");
        Assert.Equal(
            [
                "t.dss:2:1: 'Solve' in the script: the feeder is solved here, with the elements and options in force at this point (regulators may move; later edits apply)",
                "t.dss:3:1: SetBusXY: bus coordinates are kept for plots only",
                "t.dss:4:1: 'Show' changes no model state and is skipped while reading the feeder",
            ],
            diagnostics.Select(d => d.ToString()));
        Assert.All(diagnostics, d => Assert.Equal(Severity.Info, d.Severity));
        Assert.Equal((1.0, 2.0), model.BusCoordinates["sourcebus"]);
        Assert.NotNull(model.ScriptSolveOptions);
    }

    [Fact]
    public void Lower_triangular_and_full_matrices()
    {
        var lower = DssValueReader.Matrix(new DssValue("1 | 2 3", default, '('), "m", 2);
        var full = DssValueReader.Matrix(new DssValue("1 2 2 3", default, '['), "m", 2);
        Assert.Equal(lower, full);
        Assert.Equal(2.0, lower[0, 1]);
    }

    [Fact]
    public void Set_options()
    {
        var (model, diagnostics) = Build("Set VoltageBases = \"69,24.9,4.16, .48\"\nset controlmode=OFF tolerance=1e-6 maxiterations=50\nSet bogus=1");
        Assert.Equal(new[] { 69, 24.9, 4.16, 0.48 }, model.Options.VoltageBasesKv.ToArray());
        Assert.Equal(ControlMode.Off, model.Options.ControlMode);
        Assert.Equal(1e-6, model.Options.Tolerance);
        Assert.Equal(50, model.Options.MaxIterations);
        Assert.Single(diagnostics, d => d.Severity == Severity.Error && d.ToString().StartsWith("t.dss:3:5: Set: unknown or unsupported option 'bogus'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_base_frequency_set_before_the_circuit_is_kept()
    {
        var (model, diagnostics) = Build("Set DefaultBaseFrequency=50\nNew Circuit.c basekv=11\nNew LineCode.x nphases=1 basefreq=50");
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(50.0, model.Options.DefaultBaseFrequencyHz);
    }
}
