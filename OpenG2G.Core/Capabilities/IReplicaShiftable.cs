namespace OpenG2G.Core.Capabilities;

/// <summary>A datacenter that accepts <c>AdjustReplicas</c> commands (load shifting between sites).</summary>
public interface IReplicaShiftable
{
    /// <summary>Component name (command target).</summary>
    string Name { get; }

    /// <summary>GPUs not occupied by any replica or training job right now.</summary>
    int FreeGpus { get; }

    /// <summary>Active replicas of <paramref name="model"/> right now (0 when not served here).</summary>
    int ActiveReplicas(string model);

    /// <summary>GPUs one replica of <paramref name="model"/> needs, or 0 when the site does not serve it.</summary>
    int GpusPerReplica(string model);
}
