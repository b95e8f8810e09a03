using System.Text.RegularExpressions;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Der;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.PowerFlow;
using OpenG2G.Grid.Tests.Support;
using OpenG2G.Testing;
using Xunit.Abstractions;

namespace OpenG2G.Grid.Tests.Feeders;

/// <summary>
/// Every master of ../shared/feeders-der (PVSystem, Storage, Generator models 1 and 3, volt-var
/// InvControl, ZIP and other load models) compiles with no error and converges with controls off and
/// static at OpenDSS's reference settings (tolerance 1e-10, 100 iterations, 100 control iterations);
/// each solution satisfies Kirchhoff's current law at every node and source = loads + DER + losses.
/// Physical checks where the masters' headers state the answer: a model-3 generator holds its voltage
/// or sits at a var limit, and a volt-var inverter ends on its curve.
/// </summary>
public sealed class DerFeederTests
{
    private readonly ITestOutputHelper _output;

    public DerFeederTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<string> Masters() => SharedData.Available
        ? Directory.GetFiles(SharedData.PathOf("feeders-der"), "Master_*.dss", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(SharedData.PathOf(""), p).Replace('\\', '/')).Order(StringComparer.Ordinal)
        : ["feeders-der/ieee13/Master_pv675.dss"];

    public static TheoryData<string, string> MastersAndModes()
    {
        var data = new TheoryData<string, string>();
        foreach (string m in Masters())
        {
            data.Add(m, "off");
            data.Add(m, "static");
        }
        return data;
    }

    [SharedDataFact]
    public void Every_master_the_README_lists_is_tested()
    {
        string readme = File.ReadAllText(SharedData.PathOf("feeders-der/README.md"));
        var named = Regex.Matches(readme, @"`(Master_[A-Za-z0-9_]+\.dss)`").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(named.Order(), Masters().Select(Path.GetFileName).Order()!);
    }

    [SharedDataTheory]
    [MemberData(nameof(MastersAndModes))]
    public void Master_compiles_converges_and_balances(string master, string mode)
    {
        var feeder = Feeder.Load(SharedData.PathOf(master));
        Assert.DoesNotContain(feeder.Notes, d => d.Severity == Severity.Error);
        feeder.ControlMode = mode == "static" ? ControlMode.Static : ControlMode.Off;
        feeder.Tolerance = 1e-10;
        feeder.MaxIterations = 100;
        feeder.MaxControlIterations = 100;
        var result = feeder.Solve(coldStart: true);
        _output.WriteLine($"{master} ({mode}): {result.Iterations} iterations, {result.ControlIterations} control iterations, " +
            $"source {result.SourcePowerKw:F3} kW {result.SourceReactivePowerKvar:F3} kvar, losses {result.LossesKw:F3} kW, " +
            $"taps {string.Join(" ", result.Taps.Select(t => $"{t.Regulator}={t.TapRatio:F5}"))}");
        foreach (var u in feeder.Ders)
        {
            var s = feeder.DerPhasePowers(u).Aggregate(System.Numerics.Complex.Zero, (a, b) => a + b) / 1000.0;
            _output.WriteLine($"  {u.Element.FullName}: {s.Real:F4} kW {s.Imaginary:F4} kvar, mean |V| {MeanPu(feeder, u):F6} pu");
        }
        Physics.AssertBalanced(feeder, 1e-10);
        Assert.All(result.VoltagePu, v => Assert.True(double.IsFinite(v)));
        foreach (var u in feeder.Ders)
            CheckPhysics(feeder, u, mode);
    }

    private static void CheckPhysics(Feeder feeder, DerUnit unit, string mode)
    {
        double q = -feeder.DerPhasePowers(unit).Sum(p => p.Imaginary) / 1000.0; // kvar supplied
        if (unit is GeneratorUnit { Generator.Model: 3 } g)
        {
            bool atLimit = Math.Abs(q - g.Generator.KvarMax) < 1e-3 || Math.Abs(q - g.Generator.KvarMin) < 1e-3;
            Assert.True(atLimit || Math.Abs(MeanPu(feeder, unit) - g.Generator.VoltagePu) < 1e-6,
                $"{g.Element.FullName}: mean |V| {MeanPu(feeder, unit):F8} pu, target {g.Generator.VoltagePu}, Q {q:F3} kvar");
        }
        if (mode == "static" && unit is PvUnit pv && feeder.InvControllers.FirstOrDefault(c => c.Units.Contains(pv)) is { } ic)
        {
            // VARMAX reference: Q / kvarMax on the curve at the mean phase voltage, to the control's tolerance.
            double onCurve = ic.Control.VoltVarCurve!.YAt(MeanPu(feeder, unit)) * pv.KvarLimit;
            Assert.True(Math.Abs(q - onCurve) <= 2 * ic.Control.VarChangeTolerancePu * pv.KvarLimit,
                $"{pv.Element.FullName}: Q {q:F4} kvar, curve {onCurve:F4} kvar");
        }
    }

    private static double MeanPu(Feeder feeder, DerUnit unit) =>
        unit.Branches.Average(b => feeder.NodeVoltages[feeder.Network.LoadBranches[b].From].Magnitude) / unit.Element.PhaseBaseVolts;
}
