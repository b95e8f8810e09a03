using System.Globalization;
using OpenG2G.Datacenter.Traces;

namespace OpenG2G.Datacenter.Import;

/// <summary>
/// Power-capped training measurements: Zeus NSDI'23 (single-GPU DNN training, time per epoch and
/// average power per (batch size, power limit)) and Perseus SOSP'24 (pipeline-parallel training,
/// iteration time and energy with the same limit on every GPU, "ZeusGlobal").
/// </summary>
internal static class PowerCapSet
{
    public const string ZeusDatasetId = "zeus-nsdi23-trace";
    public const string PerseusDatasetId = "perseus-sosp24";

    private static readonly (string File, string Gpu)[] ZeusFiles =
    {
        ("summary_power_a40.csv", "A40"),
        ("summary_power_v100.csv", "V100"),
        ("summary_power_p100.csv", "P100"),
        ("summary_power_rtx6000.csv", "RTX6000"),
    };

    public static List<PowerCapResponse> Read(string zeusFolder, string perseusFolder)
    {
        var result = new List<PowerCapResponse>();
        foreach (var (file, gpu) in ZeusFiles)
        {
            var table = CsvTable.Read(Path.Combine(zeusFolder, file));
            foreach (var g in table.Rows.GroupBy(r => (Dataset: r.Text("dataset"), Network: r.Text("network"), Batch: r.Integer("batch_size"), Optimizer: r.Text("optimizer"))))
            {
                string workload = $"{g.Key.Network}-{g.Key.Dataset}-{g.Key.Optimizer}";
                string id = string.Create(CultureInfo.InvariantCulture, $"zeus/{workload}/{gpu}/b{g.Key.Batch}");
                result.Add(new PowerCapResponse(id, ZeusDatasetId, workload, gpu, g.Key.Batch, 1, "epoch",
                    g.Select(r => new PowerCapPoint(r.Number("power_limit"), r.Number("average_power"), r.Number("time_per_epoch")))));
            }
        }
        foreach (string gpu in new[] { "A100", "A40" })
        {
            var table = CsvTable.Read(Path.Combine(perseusFolder, $"zeus_global_{gpu}.csv"));
            foreach (var g in table.Rows.GroupBy(r => (Model: r.Text("model_name"), Batch: r.Integer("batch_size"))))
            {
                var first = g.First();
                int gpus = first.Integer("dp") * first.Integer("tp") * first.Integer("pp");
                string id = string.Create(CultureInfo.InvariantCulture, $"perseus/{g.Key.Model}/{gpu}/b{g.Key.Batch}");
                result.Add(new PowerCapResponse(id, PerseusDatasetId, g.Key.Model, gpu, g.Key.Batch, gpus, "iteration",
                    g.Select(r => new PowerCapPoint(r.Number("power_limit_0"), r.Number("energy") / r.Number("time") / gpus, r.Number("time")))));
            }
        }
        return result;
    }

    /// <summary>The Perseus "ZeusGlobal" point of <paramref name="model"/> on <paramref name="gpu"/> at its highest power limit.</summary>
    public static PowerCapPoint Uncapped(IEnumerable<PowerCapResponse> responses, string model, string gpu) =>
        responses.First(r => r.Dataset == PerseusDatasetId && r.Workload == model && r.Gpu == gpu).Points[^1];
}
