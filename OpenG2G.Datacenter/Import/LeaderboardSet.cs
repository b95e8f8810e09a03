namespace OpenG2G.Datacenter.Import;

/// <summary>
/// ML.ENERGY Leaderboard v3 LLM/MLLM steady-state summaries (<c>mlenergy-leaderboard-v3/llm_mllm_configs.csv</c>).
/// Rows repeating the same (model, task, GPU, GPU count, max_num_seqs) are separate runs of one
/// configuration and are averaged (<see cref="LeaderboardRow.Runs"/> says how many).
/// </summary>
internal static class LeaderboardSet
{
    public const string DatasetId = "mlenergy-leaderboard-v3";

    public static IReadOnlyList<LeaderboardRow> Read(string folder)
    {
        var table = CsvTable.Read(Path.Combine(folder, "llm_mllm_configs.csv"));
        var rows = table.Rows.Select(r => new LeaderboardRow(
            r.Text("model_id"),
            r.Text("task"),
            r.Text("architecture"),
            r.Number("activated_params_billions"),
            r.Text("weight_precision"),
            r.Text("gpu_model"),
            r.Integer("num_gpus"),
            r.Integer("max_num_seqs"),
            r.Number("avg_power_watts"),
            r.Number("output_throughput_tokens_per_sec"),
            r.Number("median_itl_ms") / 1000.0,
            r.Number("p90_itl_ms") / 1000.0,
            r.Number("p95_itl_ms") / 1000.0,
            r.Number("p99_itl_ms") / 1000.0,
            1));
        return rows
            .GroupBy(r => (r.ModelId, r.Task, r.Gpu, r.NumGpus, r.MaxNumSeqs))
            .Select(g => g.Count() == 1 ? g.First() : g.First() with
            {
                AvgPowerW = g.Average(r => r.AvgPowerW),
                ThroughputTokensPerS = g.Average(r => r.ThroughputTokensPerS),
                MedianItlS = g.Average(r => r.MedianItlS),
                P90ItlS = g.Average(r => r.P90ItlS),
                P95ItlS = g.Average(r => r.P95ItlS),
                P99ItlS = g.Average(r => r.P99ItlS),
                Runs = g.Count(),
            })
            .OrderBy(r => r.ModelId, StringComparer.Ordinal)
            .ThenBy(r => r.Task, StringComparer.Ordinal)
            .ThenBy(r => r.Gpu, StringComparer.Ordinal)
            .ThenBy(r => r.NumGpus)
            .ThenBy(r => r.MaxNumSeqs)
            .ToList();
    }
}
