using OpenG2G.Controllers.Mpc;

namespace OpenG2G.Controllers.Tests.Mpc;

public class MpcOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        var o = new MpcOptions();
        Assert.Empty(o.Validate());
        Assert.Equal((10, 0.95, 1.05, 0.002, 0.2, true, 1), (o.HorizonSteps, o.VMinPu, o.VMaxPu, o.VoltageMarginPu, o.ItlMarginFraction, o.UseForecasts, o.SensitivityUpdateInterval));
        Assert.True(o.ForecastError.IsPerfect);
        Assert.Null(o.CommandDelayS);
    }

    [Fact]
    public void Validation_reports_every_problem_with_its_key()
    {
        var o = new MpcOptions
        {
            HorizonSteps = 0,
            VoltageMarginPu = 0.06,
            SwitchingWeight = -1,
            MaxLog2BatchChangePerStep = 0,
            ItlMarginFraction = 1,
            ConstrainedNodes = 0,
            CommandDelayS = -2,
            ForecastError = new() { PowerNoiseFraction = -0.5 },
            Solver = new() { MaxIterations = 0, Tolerance = 0 },
        };
        Assert.Equal(
            new[]
            {
                "horizon_steps: must be in 1..200, got 0",
                "voltage_margin_pu: must be less than half the band (0.05 pu), got 0.06",
                "switching_weight: must be >= 0, got -1",
                "max_log2_batch_change_per_step: must be > 0, got 0",
                "itl_margin_fraction: must be in [0, 1), got 1",
                "constrained_nodes: must be >= 1, got 0",
                "forecast_error.power_noise_fraction: must be finite and >= 0, got -0.5",
                "command_delay_s: must be >= 0, got -2",
                "solver.max_iterations: must be > 0, got 0",
                "solver.tolerance: must be > 0, got 0",
            },
            o.Validate().Select(p => $"{p.Path}: {p.Message}"));
    }
}
