using System.Collections.Immutable;
using OpenG2G.Core.Metrics;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.Tests.Metrics;

public class CountedNodesTests
{
    // Mixed case on purpose: public feeders name buses like "M1209817", scenarios may write them lower case.
    private static readonly BusPhaseIndex Nodes = new(new[]
    {
        new BusPhase("SourceBus", 1), new BusPhase("M1209817", 1), new BusPhase("M1209817", 2), new BusPhase("671", 1), new BusPhase("671", 3),
    });

    private static GridState Snapshot(params double[] v) => new()
    {
        Time = SimTime.Zero,
        Nodes = Nodes,
        VoltagePu = v.ToImmutableArray(),
        VoltageAngleDeg = v.Select(_ => 0.0).ToImmutableArray(),
    };

    [Fact]
    public void Excluded_buses_match_whatever_their_case()
    {
        var counted = new CountedNodes(["sourcebus", "m1209817"]);

        Assert.Equal([3, 4], counted.IndicesIn(Nodes));
        Assert.True(counted.IsExcluded("SOURCEBUS"));
        Assert.False(counted.IsExcluded("671"));
    }

    [Fact]
    public void Extremes_skip_excluded_buses_and_absent_phases()
    {
        var counted = new CountedNodes(["SourceBus"]);

        // The source (0.90) is excluded; 671.1 is absent (NaN); counted: 1.02, 0.97, 1.01.
        (double min, double max) = counted.Extremes(Snapshot(0.90, 1.02, 0.97, double.NaN, 1.01));

        Assert.Equal(0.97, min);
        Assert.Equal(1.02, max);
    }

    [Fact]
    public void Extremes_are_NaN_when_nothing_is_counted()
    {
        var counted = new CountedNodes(["sourcebus", "m1209817", "671"]);

        (double min, double max) = counted.Extremes(Snapshot(1, 1, 1, 1, 1));

        Assert.True(double.IsNaN(min) && double.IsNaN(max));
    }
}
