using OpenG2G.Core.Composition;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Components;
using OpenG2G.Testing;

namespace OpenG2G.Grid.Tests.Components;

/// <summary>Initial taps outside a regulator's range are refused, as the tap schedule refuses them, never clamped.</summary>
public sealed class InitialTapRangeTests
{
    [Fact]
    public void A_step_or_ratio_beyond_the_range_is_refused_with_the_range()
    {
        // IEEE 13's regulators: taps 0.9-1.1 in 32 steps of 0.00625, so steps -16 to 16.
        var options = new OpenDssGridOptions
        {
            Feeder = "ieee13/ieee13.dss",
            InitialTaps = [new InitialTapOptions { Regulator = "creg1a", Step = 99 }, new InitialTapOptions { Regulator = "creg1b", Ratio = 1.5 }, new InitialTapOptions { Regulator = "creg1c", Step = 16 }],
        };
        var e = Assert.Throws<InvalidInputException>(() => new OpenDssGrid(options,
            new GridBuildContext("grid", TimeSpan.FromSeconds(1), Path.Combine(SharedData.RepositoryRoot, "grids"), [])));

        Assert.Equal(
            [
                "initial_taps[0].step: tap step 99 gives ratio 1.61875, outside the range of 'creg1a' [0.9, 1.1] (steps -16 to 16)",
                "initial_taps[1].ratio: ratio 1.5 is outside the range of 'creg1b' [0.9, 1.1] (steps -16 to 16)",
            ],
            e.Errors.Select(d => d.ToString()));
    }

    [Fact]
    public void The_last_step_of_the_range_is_accepted()
    {
        var options = new OpenDssGridOptions { Feeder = "ieee13/ieee13.dss", InitialTaps = [new InitialTapOptions { Regulator = "creg1a", Step = -16 }] };
        var grid = new OpenDssGrid(options, new GridBuildContext("grid", TimeSpan.FromSeconds(1), Path.Combine(SharedData.RepositoryRoot, "grids"), []));
        Assert.Equal(0.9, grid.Regulators.Single(r => r.Name == "creg1a").MinTapRatio, 12);
    }
}
