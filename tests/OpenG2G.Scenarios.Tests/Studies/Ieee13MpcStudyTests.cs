using System.Globalization;
using OpenG2G.Scenarios.Tests.Support;

namespace OpenG2G.Scenarios.Tests.Studies;

/// <summary>
/// Acceptance of the MPC on the IEEE 13 study (issue 14), on the shipped files: MPC's violation
/// integral no worse than OFO's at no lower measured throughput; with a 5 s command delay for both,
/// MPC's integral at most half of OFO's; and the time series show MPC lowering the datacenter's power
/// before the training job starts at 1000 s when it knows the schedule, and not when its forecast is
/// switched off.
/// </summary>
public class Ieee13MpcStudyTests : IClassFixture<Ieee13MpcStudy>
{
    private readonly Ieee13MpcStudy _study;

    public Ieee13MpcStudyTests(Ieee13MpcStudy study) => _study = study;

    [Fact]
    public void Every_run_completes()
    {
        foreach (string run in new[] { "ofo", "mpc", "ofo-delay", "mpc-delay", "mpc-without-forecast" })
            Assert.Equal("completed", _study.Summary(run).Status);
    }

    [Fact]
    public void Mpc_violates_no_more_than_ofo_at_no_lower_measured_throughput()
    {
        var (ofo, mpc) = (_study.Summary("ofo"), _study.Summary("mpc"));
        double ofoThroughput = _study.MeasuredThroughputTokensPerS("ofo"), mpcThroughput = _study.MeasuredThroughputTokensPerS("mpc");

        Assert.True(mpc.IntegralViolationPuS <= ofo.IntegralViolationPuS, $"MPC {mpc.IntegralViolationPuS:G4} pu·s vs OFO {ofo.IntegralViolationPuS:G4} pu·s");
        Assert.True(mpcThroughput >= ofoThroughput, $"MPC {mpcThroughput:F0} tok/s vs OFO {ofoThroughput:F0} tok/s");
    }

    [Fact]
    public void With_a_5_s_command_delay_mpc_violates_at_most_half_as_much_as_ofo()
    {
        var (ofo, mpc) = (_study.Summary("ofo-delay"), _study.Summary("mpc-delay"));

        Assert.True(mpc.IntegralViolationPuS <= 0.5 * ofo.IntegralViolationPuS, $"MPC {mpc.IntegralViolationPuS:G4} pu·s vs OFO {ofo.IntegralViolationPuS:G4} pu·s");
        // Both really ran with the delay: every command took effect 5 s after it was issued.
        foreach (string run in new[] { "ofo-delay", "mpc-delay" })
        {
            string commands = _study.Table(run, "commands.parquet");
            Assert.True(Duck.Scalar($"SELECT count(*) FROM read_parquet('{commands}')") > 0, $"{run} issued no command");
            Assert.Equal(0.0, Duck.Scalar($"SELECT count(*) FROM read_parquet('{commands}') WHERE abs(applied_time_s - issued_time_s - 5) > 1e-9"));
        }
    }

    [Fact]
    public void Mpc_lowers_power_before_the_training_job_starts_only_when_it_knows_the_schedule()
    {
        // Inference power (the models' power, training excluded) per step, averaged over the last 2 s
        // before the job starts at 1000 s and over 980-990 s, before the job enters the 10 s horizon.
        // In the 90 s before the job enters the horizon (900-990 s) both runs command the same batches (checked
        // below), so a difference after that is the job forecast's. Earlier the grid's PV and load forecast can
        // tip one model's rounding for a second or two (with seed 0: the 405B model at 144-146 s and 281-282 s).
        double Mean(string run, double from, double to) => Duck.Scalar(string.Create(CultureInfo.InvariantCulture,
            $"SELECT avg(kw) FROM (SELECT time_s, sum(power_kw) AS kw FROM read_parquet('{_study.Table(run, "datacenter_models.parquet")}') GROUP BY time_s) WHERE time_s >= {from} AND time_s < {to}"));
        double knowing = Mean("mpc", 998, 1000), blind = Mean("mpc-without-forecast", 998, 1000);
        double before = Mean("mpc", 980, 990);

        Assert.Equal(0.0, Duck.Scalar($"""
            SELECT count(*) FROM read_parquet('{_study.Table("mpc", "datacenter_models.parquet")}') a
            JOIN read_parquet('{_study.Table("mpc-without-forecast", "datacenter_models.parquet")}') b USING (time_s, model)
            WHERE time_s >= 900 AND time_s < 990 AND (a.power_kw <> b.power_kw OR a.batch_size <> b.batch_size)
            """));
        Assert.True(knowing <= 0.99 * before, $"with its forecast: {knowing:F1} kW in 998-1000 s vs {before:F1} kW in 980-990 s");
        Assert.True(knowing <= 0.99 * blind, $"with its forecast {knowing:F1} kW, without {blind:F1} kW in 998-1000 s");
        Assert.InRange(blind / before, 0.995, 1.005);
        // The knowing run's commands that lower a batch and take effect before the start; none without the forecast.
        Assert.True(LoweringCommands("mpc") > 0);
        Assert.Equal(0.0, LoweringCommands("mpc-without-forecast"));
    }

    private double LoweringCommands(string run)
    {
        string models = _study.Table(run, "datacenter_models.parquet"), commands = _study.Table(run, "commands.parquet");
        // A SetBatchSize applied in 990-1000 s to a batch below the one the model ran at 990 s.
        return Duck.Scalar($"""
            SELECT count(*) FROM read_parquet('{commands}') c
            JOIN (SELECT model, batch_size FROM read_parquet('{models}') WHERE time_s = 990) m ON m.model = c.subject
            WHERE c.command = 'SetBatchSize' AND c.applied_time_s >= 990 AND c.applied_time_s < 1000 AND c.value < m.batch_size
            """);
    }
}
