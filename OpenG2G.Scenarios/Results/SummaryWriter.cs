using System.Text.Json;
using OpenG2G.Core.Metrics;

namespace OpenG2G.Scenarios.Results;

/// <summary>
/// Writes <c>summary.json</c>: objects <c>voltage</c>, <c>service</c>, <c>datacenter</c> and <c>run</c>
/// (so <c>voltage.violation_time_s</c> is <c>summary["voltage"]["violation_time_s"]</c>). Keys in fixed
/// order, numbers in shortest round-trip form, NaN as null: identical runs give identical files except
/// <c>run.wall_time_s</c>.
/// </summary>
public static class SummaryWriter
{
    public const string FileName = "summary.json";

    public static void Write(string path, RunSummary s)
    {
        using var stream = File.Create(path);
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("scenario", s.Scenario);
            WriteVoltage(w, s);
            WriteService(w, s.Service);
            w.WriteStartObject("datacenter");
            Number(w, "mean_power_kw", s.Service.MeanPowerKw);
            Number(w, "energy_kwh", s.Service.EnergyKwh);
            w.WriteEndObject();
            w.WriteStartObject("run");
            w.WriteString("status", s.Status);
            if (s.Error is null)
                w.WriteNull("error");
            else
                w.WriteString("error", s.Error);
            w.WriteNumber("seed", s.Seed);
            w.WriteString("version", s.Version);
            Number(w, "duration_s", s.DurationS);
            Number(w, "simulated_time_s", s.SimulatedTimeS);
            w.WriteNumber("grid_solves", s.GridSolves);
            w.WriteNumber("datacenter_steps", s.DatacenterSteps);
            w.WriteNumber("controller_steps", s.ControllerSteps);
            w.WriteNumber("commands", s.Commands);
            w.WriteNumber("events", s.Events);
            Number(w, "wall_time_s", s.WallTimeS);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    private static void WriteVoltage(Utf8JsonWriter w, RunSummary s)
    {
        VoltageMetrics v = s.Voltage;
        w.WriteStartObject("voltage");
        Number(w, "violation_time_s", v.ViolationTimeS);
        Number(w, "integral_violation_pu_s", v.IntegralViolationPuS);
        Number(w, "worst_vmin_pu", v.WorstVminPu);
        Number(w, "worst_vmax_pu", v.WorstVmaxPu);
        Number(w, "v_min_pu", s.Band.VMinPu);
        Number(w, "v_max_pu", s.Band.VMaxPu);
        w.WriteNumber("snapshots", v.Snapshots);
        w.WriteNumber("violating_snapshots", v.ViolatingSnapshots);
        Number(w, "snapshot_spacing_s", v.SnapshotSpacingS);
        w.WriteStartArray("excluded_buses");
        foreach (string b in s.ExcludedBuses)
            w.WriteStringValue(b);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteService(Utf8JsonWriter w, ServiceMetrics m)
    {
        w.WriteStartObject("service");
        Number(w, "mean_throughput_tokens_per_s", m.MeanThroughputTokensPerS);
        Number(w, "itl_deadline_miss_fraction", m.ItlDeadlineMissFraction);
        w.WriteNumber("valid_samples", m.ValidSamples);
        w.WriteStartArray("models");
        foreach (ModelServiceMetrics x in m.Models)
        {
            w.WriteStartObject();
            w.WriteString("model", x.Model);
            Number(w, "mean_throughput_tokens_per_s", x.MeanThroughputTokensPerS);
            Number(w, "mean_itl_s", x.MeanItlS);
            Number(w, "itl_deadline_miss_fraction", x.ItlDeadlineMissFraction);
            Number(w, "mean_batch_size", x.MeanBatchSize);
            w.WriteNumber("valid_samples", x.ValidSamples);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
            w.WriteNumber(name, value);
        else
            w.WriteNull(name);
    }
}
