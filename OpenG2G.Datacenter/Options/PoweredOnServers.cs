namespace OpenG2G.Datacenter.Options;

/// <summary>Which servers are powered on, and so draw idle power for their GPUs that serve nothing.</summary>
public enum PoweredOnServers
{
    /// <summary>Only servers with at least one active replica (or a running training job): idle power of their unused GPUs.</summary>
    Serving,

    /// <summary>Every server a model has ever been given stays on (servers are not released on scale-down), plus training GPUs outside their window.</summary>
    Allocated,

    /// <summary>Every server of the site is on; every GPU not serving draws idle power.</summary>
    All,
}
