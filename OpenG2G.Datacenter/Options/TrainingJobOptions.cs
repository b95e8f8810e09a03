using System.Collections.Immutable;

namespace OpenG2G.Datacenter.Options;

/// <summary>
/// A training job replaying the library's training power profile over <see cref="Gpus"/> GPUs
/// between <see cref="StartS"/> and <see cref="EndS"/>. Its power comes either from
/// <see cref="PeakWPerGpu"/> (profile fraction x peak) or from a measured power-cap response
/// (<see cref="PowerCapResponse"/>: mean power per GPU = measured power at the cap), never both.
/// </summary>
public sealed record TrainingJobOptions
{
    /// <summary>Job name (target of <c>SetPowerCap</c>); default <c>training</c>, <c>training2</c>, ... by position.</summary>
    public string? Name { get; init; }

    /// <summary>GPUs the job occupies (&gt; 0); they are reserved for the whole run.</summary>
    public int Gpus { get; init; }

    /// <summary>Start in seconds since the start of the run.</summary>
    public double StartS { get; init; }

    /// <summary>End in seconds (&gt; <see cref="StartS"/>).</summary>
    public double EndS { get; init; }

    /// <summary>Peak power per GPU in watts; the profile is a fraction of it.</summary>
    public double? PeakWPerGpu { get; init; }

    /// <summary>Id of a measured power-cap response (<c>openg2g traces list --power-caps</c>) on the job's GPU type.</summary>
    public string? PowerCapResponse { get; init; }

    /// <summary>
    /// GPU type whose measured power-cap curve the job borrows, when <see cref="PowerCapResponse"/> was measured on
    /// another GPU type than the job's (no power-capped training has been measured on H100, for instance). It must
    /// name the GPU the response was measured on; the job then runs with that measurement as it is: caps in that
    /// GPU's watts, its measured power per GPU and throughput fraction. The summary records the borrowing.
    /// </summary>
    public string? PowerCapCurve { get; init; }

    /// <summary>Initial power cap per GPU in watts (needs <see cref="PowerCapResponse"/>); default the highest measured limit.</summary>
    public double? PowerCapW { get; init; }

    /// <summary>GPU type; default the datacenter's <c>gpu_type</c>.</summary>
    public string? Gpu { get; init; }

    /// <summary>Training profile id in the library. Default <c>llm-training-synthetic</c>.</summary>
    public string Profile { get; init; } = "llm-training-synthetic";

    /// <summary>Share of the job's power on phases A, B, C (three values &gt;= 0 summing to 1). Default even.</summary>
    public ImmutableArray<double> PhaseSplit { get; init; } = ImmutableArray.Create(1.0 / 3, 1.0 / 3, 1.0 / 3);
}
