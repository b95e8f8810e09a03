using System.Text.RegularExpressions;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.PowerFlow;
using OpenG2G.Grid.Tests.Support;
using OpenG2G.Testing;
using Xunit.Abstractions;

namespace OpenG2G.Grid.Tests.Feeders;

/// <summary>
/// Every master of the public IEEE and EPRI test feeders compiles with no error and solves with
/// controls off and static, and each solution satisfies Kirchhoff's current law at every node and the
/// power balance source = loads + losses.
/// </summary>
public sealed class PublicFeederTests
{
    private readonly ITestOutputHelper _output;

    public PublicFeederTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string, string> MastersAndModes()
    {
        var data = new TheoryData<string, string>();
        foreach (string m in PublicFeederCatalog.Masters)
        {
            data.Add(m, "off");
            data.Add(m, "static");
        }
        return data;
    }

    [SharedDataFact]
    public void The_catalog_lists_every_master_the_feeder_README_names()
    {
        string readme = File.ReadAllText(SharedData.PathOf("feeders-extra/README.md"));
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match row in Regex.Matches(readme, @"^\| `(?<folder>[a-z0-9_]+)/` \| (?<masters>[^|]+)\|", RegexOptions.Multiline))
        {
            string masters = Regex.Replace(row.Groups["masters"].Value, @"\(\+[^)]*\)", string.Empty); // "(+ included files)"
            foreach (Match file in Regex.Matches(masters, @"`(?<f>[^`]+\.(dss|DSS))`"))
                named.Add($"feeders-extra/{row.Groups["folder"].Value}/{file.Groups["f"].Value}");
        }
        Assert.Equal(18, named.Count);
        Assert.Equal(named.Order(StringComparer.Ordinal), PublicFeederCatalog.Masters.Order(StringComparer.Ordinal));
    }

    [SharedDataTheory]
    [MemberData(nameof(MastersAndModes))]
    public void Master_compiles_solves_and_balances(string master, string mode)
    {
        var feeder = Feeder.Load(SharedData.PathOf(master));
        Assert.DoesNotContain(feeder.Notes, d => d.Severity == Severity.Error);
        feeder.ControlMode = mode == "static" ? ControlMode.Static : ControlMode.Off;
        feeder.Tolerance = 1e-9;
        feeder.MaxIterations = 200;
        feeder.MaxControlIterations = 100;
        var result = feeder.Solve();
        _output.WriteLine($"{master} ({mode}): {feeder.Network.NodeCount} nodes, {result.Iterations} iterations, " +
            $"{result.ControlIterations} control iterations, source {result.SourcePowerKw:F1} kW, losses {result.LossesKw:F1} kW, " +
            $"KCL residual {Physics.KclResidual(feeder)} pu");
        // Balance within 1e-6 of the source power (0.01 kW at least): ckt24's 1e-8-ohm jumper makes terms of ~1e8 S x (20 kV)^2
        // whose rounding alone reaches a few var.
        Physics.AssertBalanced(feeder, 1e-9, relativeBalance: 1e-6);
        Assert.All(result.VoltagePu, v => Assert.True(double.IsFinite(v)));
    }

    [SharedDataFact]
    public void IEEE_8500_solves_under_static_control_with_OpenDSS_default_limits()
    {
        // 15 iterations per solve and tolerance 1e-4 (the defaults): a solve right after a tap move may run
        // out of iterations; as in OpenDSS the control loop goes on from it and only the last solve must converge.
        var feeder = Feeder.Load(SharedData.PathOf("feeders-extra/ieee8500/Master.dss"));
        Assert.Equal((ControlMode.Static, 15, 1e-4), (feeder.ControlMode, feeder.MaxIterations, feeder.Tolerance));
        var result = feeder.Solve();
        Assert.True(result.ControlIterations > 1);
        Assert.Contains(result.Taps, t => t.TapStep != 0);
        feeder.ControlMode = ControlMode.Off;
        feeder.Tolerance = 1e-10;
        feeder.MaxIterations = 100;
        feeder.Solve();
        Physics.AssertBalanced(feeder, 1e-10, relativeBalance: 1e-6);
    }
}
