namespace OpenG2G.Datacenter.Options;

/// <summary>
/// A linear change of a model's replica count from its count at <see cref="StartS"/> to
/// <see cref="Target"/> at <see cref="EndS"/> (rounded to the nearest whole replica at each step).
/// YAML: <c>{ start_s: 2500, end_s: 3000, target: 360 }</c>.
/// </summary>
public sealed record ReplicaRampOptions
{
    /// <summary>Start of the ramp in seconds since the start of the run.</summary>
    public double StartS { get; init; }

    /// <summary>End of the ramp in seconds (&gt; <see cref="StartS"/>; equal means a step change at <see cref="StartS"/>).</summary>
    public double EndS { get; init; }

    /// <summary>Replicas at and after <see cref="EndS"/> (&gt;= 0).</summary>
    public int Target { get; init; }
}
