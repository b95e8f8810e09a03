using System.Collections.Immutable;
using OpenG2G.Core.Metrics;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.Tests.Metrics;

public class VoltageMetricsTests
{
    private static readonly BusPhaseIndex Nodes = new(new[]
    {
        new BusPhase("sourcebus", 1), new BusPhase("671", 1), new BusPhase("671", 2), new BusPhase("671", 3),
    });

    private static GridState Snapshot(decimal timeS, params double[] v) => new()
    {
        Time = SimTime.FromSeconds(timeS),
        Nodes = Nodes,
        VoltagePu = v.ToImmutableArray(),
        VoltageAngleDeg = v.Select(_ => 0.0).ToImmutableArray(),
    };

    private static VoltageMetrics Compute(IEnumerable<string> excluded, params GridState[] snapshots)
    {
        var acc = new VoltageMetricsAccumulator(VoltageBand.Default, excluded, fallbackSpacingS: 0.1);
        foreach (GridState s in snapshots)
            acc.Add(s);
        return acc.Result();
    }

    [Fact]
    public void Two_snapshots_at_093_one_second_apart_give_004_pu_s_and_2_s()
    {
        // One counted node at 0.93 pu in each snapshot: s_t = 0.95 - 0.93 = 0.02; dt = 1 s.
        VoltageMetrics m = Compute(new[] { "671" },
            Snapshot(0, 0.93, 1, 1, 1),
            Snapshot(1, 0.93, 1, 1, 1));

        Assert.Equal(0.04, m.IntegralViolationPuS, 12);
        Assert.Equal(2.0, m.ViolationTimeS, 12);
        Assert.Equal(0.93, m.WorstVminPu, 12);
        Assert.Equal(0.93, m.WorstVmaxPu, 12);
        Assert.Equal(1.0, m.SnapshotSpacingS, 12);
    }

    [Fact]
    public void Violations_sum_over_bus_phases_both_directions_and_excluded_buses_do_not_count()
    {
        // Counted: 671.1..3 (sourcebus excluded, it is at 0.90).
        // s_0 = (0.95-0.94) + (1.07-1.05) + 0 = 0.03 ; s_1 = 0 ; s_2 = (0.95-0.90) = 0.05
        VoltageMetrics m = Compute(new[] { "SourceBus" },
            Snapshot(0, 0.90, 0.94, 1.07, 1.00),
            Snapshot(2, 0.90, 0.96, 1.04, 1.00),
            Snapshot(4, 0.90, 0.90, 1.00, 1.00));

        Assert.Equal(2.0, m.SnapshotSpacingS, 12);
        Assert.Equal((0.03 + 0.05) * 2.0, m.IntegralViolationPuS, 12);
        Assert.Equal(4.0, m.ViolationTimeS, 12);
        Assert.Equal(2, m.ViolatingSnapshots);
        Assert.Equal(0.90, m.WorstVminPu, 12);
        Assert.Equal(1.07, m.WorstVmaxPu, 12);
    }

    [Fact]
    public void Missing_phases_as_NaN_are_ignored()
    {
        VoltageMetrics m = Compute(Array.Empty<string>(),
            Snapshot(0, 1.0, double.NaN, 0.94, 1.0),
            Snapshot(1, 1.0, double.NaN, 0.94, 1.0));

        Assert.Equal(0.02, m.IntegralViolationPuS, 12);
        Assert.Equal(0.94, m.WorstVminPu, 12);
    }

    [Fact]
    public void Voltages_exactly_on_the_limits_are_not_violations()
    {
        VoltageMetrics m = Compute(Array.Empty<string>(),
            Snapshot(0, 0.95, 1.05, 1.0, 1.0),
            Snapshot(1, 0.95, 1.05, 1.0, 1.0));

        Assert.Equal(0.0, m.IntegralViolationPuS);
        Assert.Equal(0.0, m.ViolationTimeS);
    }

    [Fact]
    public void Dt_is_the_median_spacing_not_the_mean()
    {
        // Gaps 1, 1, 5 -> median 1 (mean would be 2.33). Every snapshot violates by 0.01.
        VoltageMetrics m = Compute(Array.Empty<string>(),
            Snapshot(0, 0.94, 1, 1, 1),
            Snapshot(1, 0.94, 1, 1, 1),
            Snapshot(2, 0.94, 1, 1, 1),
            Snapshot(7, 0.94, 1, 1, 1));

        Assert.Equal(1.0, m.SnapshotSpacingS, 12);
        Assert.Equal(4.0, m.ViolationTimeS, 12);
        Assert.Equal(0.04, m.IntegralViolationPuS, 12);
    }

    [Fact]
    public void A_single_snapshot_uses_the_fallback_spacing_and_none_gives_NaN_extremes()
    {
        VoltageMetrics one = Compute(Array.Empty<string>(), Snapshot(0, 0.90, 1, 1, 1));
        Assert.Equal(0.1, one.SnapshotSpacingS, 12);
        Assert.Equal(0.05 * 0.1, one.IntegralViolationPuS, 12);

        VoltageMetrics none = Compute(Array.Empty<string>());
        Assert.True(double.IsNaN(none.WorstVminPu));
        Assert.Equal(0, none.Snapshots);
        Assert.Equal(0.0, none.IntegralViolationPuS);
    }
}
