namespace OpenG2G.Datacenter.Traces;

/// <summary>
/// Identifies one measured inference configuration: a model (by label) served by replicas of
/// <paramref name="GpusPerReplica"/> GPUs of type <paramref name="Gpu"/> on a benchmark task.
/// Labels and GPU names compare case-insensitively.
/// </summary>
/// <param name="Label">Model label, e.g. <c>Llama-3.1-8B</c>.</param>
/// <param name="Gpu">GPU type, e.g. <c>H100</c>.</param>
/// <param name="GpusPerReplica">GPUs one replica occupies.</param>
/// <param name="Task">Benchmark task the measurement used, e.g. <c>lm-arena-chat</c>.</param>
public sealed record InferenceConfigKey(string Label, string Gpu, int GpusPerReplica, string Task)
{
    public bool Equals(InferenceConfigKey? other) =>
        other is not null
        && string.Equals(Label, other.Label, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Gpu, other.Gpu, StringComparison.OrdinalIgnoreCase)
        && GpusPerReplica == other.GpusPerReplica
        && string.Equals(Task, other.Task, StringComparison.OrdinalIgnoreCase);

    public override int GetHashCode() => HashCode.Combine(
        StringComparer.OrdinalIgnoreCase.GetHashCode(Label),
        StringComparer.OrdinalIgnoreCase.GetHashCode(Gpu),
        GpusPerReplica,
        StringComparer.OrdinalIgnoreCase.GetHashCode(Task));

    /// <summary>E.g. <c>Llama-3.1-8B on 1x H100 (lm-arena-chat)</c>.</summary>
    public override string ToString() => $"{Label} on {GpusPerReplica}x {Gpu} ({Task})";
}
