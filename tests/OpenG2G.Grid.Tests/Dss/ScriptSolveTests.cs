using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;
using OpenG2G.Grid.PowerFlow;
using OpenG2G.Grid.Tests.Support;
using OpenG2G.Testing;

namespace OpenG2G.Grid.Tests.Dss;

/// <summary>
/// A <c>Solve</c> in a script runs where it stands, as in OpenDSS: its controls move taps with the
/// circuit as it is there, and edits after it (resetting taps, switching controls off) apply to the
/// next solve instead of being overridden by a solve deferred to the end of loading.
/// </summary>
public sealed class ScriptSolveTests
{
    [SharedDataFact]
    public void Taps_set_after_the_masters_own_solve_are_kept_and_match_OpenDSS()
    {
        // The IEEE 13 master solves under static control (moving the taps), then the published alternate
        // script sets the taps by hand and switches control off: OpenDSS's "ieee13_taps_published_off" case.
        string master = ReferenceCase.FeederPath("ieee13_taps_published_off");
        var script = DssReader.ReadFile(master);
        var edits = DssReader.ReadText("""
            Transformer.reg1a.Taps=[1.0 1.0625]
            Transformer.reg1b.Taps=[1.0 1.0500]
            Transformer.reg1c.Taps=[1.0 1.06875]
            Set Controlmode=OFF tolerance=1e-10 maxiterations=100
            """, Path.Combine(Path.GetDirectoryName(master)!, "alternate.dss"));
        var feeder = Feeder.FromScript(script with { Commands = script.Commands.AddRange(edits.Commands) });

        Assert.Equal([1.0625, 1.05, 1.06875], feeder.Regulators.Select(r => r.Tap));
        var result = feeder.Solve();
        var reference = ReferenceCase.Voltages("ieee13_taps_published_off", "ref");
        for (int i = 0; i < result.Nodes.Count; i++)
        {
            var node = result.Nodes.Nodes[i];
            Assert.True(Math.Abs(result.VoltagePu[i] - reference[(node.Bus, node.Phase)].Pu) <= 1e-6, $"{node}: {result.VoltagePu[i]} vs {reference[(node.Bus, node.Phase)].Pu}");
        }
    }

    [Fact]
    public void The_solve_sees_the_circuit_as_it_is_at_that_point()
    {
        // A regulator in static mode: a Solve before a heavy load is added leaves the taps where the light
        // circuit needs them; the same script with the Solve after the load moves them further.
        string Script(bool solveFirst) => $"""
            New Circuit.c basekv=12.47 pu=1.0 MVAsc3=200000 MVAsc1=200000
            New Transformer.reg phases=3 windings=2 buses=[sourcebus b] kvs=[12.47 12.47] kvas=[10000 10000] XHL=10
            New RegControl.r transformer=reg winding=2 vreg=124 band=1 ptratio=60
            New Line.l bus1=b bus2=c r1=0.5 x1=1 r0=0.5 x0=1 length=1 units=km
            New Load.light bus1=c kV=12.47 kW=500 kvar=100
            Set VoltageBases=[12.47] controlmode=static
            CalcVoltageBases
            {(solveFirst ? "Solve\n" : "")}New Load.heavy bus1=c kV=12.47 kW=6000 kvar=2000
            {(solveFirst ? "" : "Solve\n")}
            """;
        var early = Feeder.FromScript(DssReader.ReadText(Script(true), "early.dss"));
        var late = Feeder.FromScript(DssReader.ReadText(Script(false), "late.dss"));
        Assert.DoesNotContain(early.Notes, d => d.Severity >= Severity.Warning);
        Assert.True(late.Regulators[0].Tap > early.Regulators[0].Tap, $"late {late.Regulators[0].Tap}, early {early.Regulators[0].Tap}");
        Assert.True(early.Regulators[0].Tap > 1.0);
    }
}
