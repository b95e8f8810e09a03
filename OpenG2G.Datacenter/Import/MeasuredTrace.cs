namespace OpenG2G.Datacenter.Import;

/// <summary>One measured power series of the openg2g extract, per GPU.</summary>
/// <param name="Label">Model label.</param>
/// <param name="GpusPerReplica">GPUs of the replica the series was summed over.</param>
/// <param name="BatchSize">max_num_seqs of the run.</param>
/// <param name="File">Upstream file, relative to the dataset folder.</param>
/// <param name="PowerWPerGpu">Replica power divided by its GPU count, watts, 0.1 s grid.</param>
internal sealed record MeasuredTrace(string Label, int GpusPerReplica, int BatchSize, string File, float[] PowerWPerGpu)
{
    /// <summary>Mean replica power in watts.</summary>
    public double MeanReplicaPowerW => PowerWPerGpu.Average(p => (double)p) * GpusPerReplica;
}
