using OpenG2G.Datacenter.Traces;

namespace OpenG2G.Datacenter.Import;

/// <summary>Provenance of the upstream datasets the importer reads (facts from each folder's SOURCE.md).</summary>
internal static class DatasetCatalog
{
    public static readonly DatasetProvenance OpenG2GTraces = new(
        OpenG2GTraceSet.DatasetId,
        "https://github.com/gpu2grid/openg2g (examples/offline/data/offline/ebac1d5c03f752d2/)",
        "0eb9477236a26d4367b3a159fb88e6f1fc6cac46",
        "Apache-2.0 (openg2g LICENSE); underlying ML.ENERGY Benchmark v3 data Apache-2.0",
        "Measured 0.1 s H100 power series of 5 models x 10-14 batch sizes (replica power divided by the replica's GPU count, stored " +
        "as float32 W per GPU); mean power per batch size = mean of that series; ITL two-component lognormal mixtures as given; " +
        "the published logistic throughput fit is used only at batch sizes the leaderboard summary does not list.");

    public static readonly DatasetProvenance Leaderboard = new(
        LeaderboardSet.DatasetId,
        "https://github.com/ml-energy/leaderboard (public/data/)",
        "0cd52dab897c5d91a45f4d413038f3b8b4251b0f",
        "no LICENSE file in the leaderboard repository; the underlying dataset ml-energy/benchmark-v3 is declared Apache-2.0 " +
        "(github.com/ml-energy/data) and the benchmark code is Apache-2.0",
        "Steady-state mean power, output throughput and ITL percentiles per (model, task, GPU, GPU count, max_num_seqs), H100 and B200; " +
        "repeated runs of one configuration averaged; a lognormal ITL fitted to the median and 90/95/99th percentiles; a power series " +
        "synthesised from the most similar measured series rescaled to the measured mean (marked synthesised).");

    public static readonly DatasetProvenance Zeus = new(
        PowerCapSet.ZeusDatasetId,
        "https://github.com/ml-energy/zeus (examples/research_reproducibility/zeus_nsdi23/trace/)",
        "75a8b9398034eb9baf74ca0a830c2c31bcce52cd",
        "Apache-2.0",
        "Per (network, dataset, optimizer, batch size, GPU): average power and time per epoch at every measured power limit " +
        "(A40, V100, P100, RTX 6000); throughput fraction = time per epoch at the highest limit / time per epoch.");

    public static readonly DatasetProvenance Perseus = new(
        PowerCapSet.PerseusDatasetId,
        "https://github.com/ml-energy/zeus (branch kronos, sosp24_data/zeus/csv/)",
        "1b1c4a9d7fe73b9bc3ca3a365feb60e851226296",
        "Apache-2.0",
        "ZeusGlobal sweeps (same limit on every GPU) of pipeline-parallel training on A100 PCIe and A40: average power per GPU = " +
        "energy / time / GPUs and iteration time per limit; the A100 GPT-3 XL point at 300 W and the A40/A100 blocking power " +
        "set the synthetic training profile's mean and dip level and the measured idle power.");

    public static IReadOnlyList<DatasetProvenance> All { get; } = new[] { OpenG2GTraces, Leaderboard, Zeus, Perseus };
}
