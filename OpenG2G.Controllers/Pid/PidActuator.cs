namespace OpenG2G.Controllers.Pid;

/// <summary>How the <c>pid</c> controller realises its power adjustment (YAML: <c>batch_size</c>, <c>power_cap</c>).</summary>
public enum PidActuator
{
    /// <summary>One common log2(batch) shift of every model from its batch at the first step.</summary>
    BatchSize,

    /// <summary>One common GPU power cap for the capped models (uncapped is the reference).</summary>
    PowerCap,
}
