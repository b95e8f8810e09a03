using System.Collections.Immutable;
using OpenG2G.Core.Components;

namespace OpenG2G.Core.Composition;

/// <summary>
/// What a controller factory receives besides its options: the components it may read and command,
/// which it should keep only through capability interfaces (<c>OpenG2G.Core.Capabilities</c>).
/// </summary>
public sealed class ControllerBuildContext
{
    public ControllerBuildContext(
        string name,
        TimeSpan period,
        string baseDirectory,
        ImmutableArray<IDatacenter> targets,
        ImmutableArray<IDatacenter> allDatacenters,
        IGrid grid,
        ImmutableArray<DatacenterAttachment> attachments = default,
        TimeSpan commandDelay = default)
    {
        Name = name;
        Period = period;
        BaseDirectory = baseDirectory;
        Targets = targets;
        AllDatacenters = allDatacenters;
        Grid = grid;
        Attachments = attachments.IsDefault ? ImmutableArray<DatacenterAttachment>.Empty : attachments;
        CommandDelay = commandDelay;
    }

    /// <summary>Component name of the controller.</summary>
    public string Name { get; }

    /// <summary>Step period.</summary>
    public TimeSpan Period { get; }

    /// <summary>Directory relative paths in the options are resolved against (the scenario file's).</summary>
    public string BaseDirectory { get; }

    /// <summary>The datacenters the scenario points this controller at (every datacenter when it names none).</summary>
    public ImmutableArray<IDatacenter> Targets { get; }

    /// <summary>Every datacenter of the scenario.</summary>
    public ImmutableArray<IDatacenter> AllDatacenters { get; }

    /// <summary>The grid.</summary>
    public IGrid Grid { get; }

    /// <summary>
    /// Time from this controller's decision to its effect (the scenario's <c>delay_s</c>; zero by default):
    /// the kernel applies every command the controller returns that much later. A controller that plans
    /// ahead (MPC) puts it into its prediction model.
    /// </summary>
    public TimeSpan CommandDelay { get; }

    /// <summary>Where each datacenter connects (bus, wye/delta, power factor), in datacenter order.</summary>
    public ImmutableArray<DatacenterAttachment> Attachments { get; }

    /// <summary>The attachment of datacenter <paramref name="datacenter"/>; throws <see cref="ArgumentException"/> when unknown.</summary>
    public DatacenterAttachment AttachmentOf(string datacenter) =>
        Attachments.FirstOrDefault(a => a.Datacenter == datacenter)
        ?? throw new ArgumentException($"no attachment is known for datacenter '{datacenter}'", nameof(datacenter));

    /// <summary>
    /// <paramref name="component"/> as capability <typeparamref name="T"/>; throws
    /// <see cref="InvalidOperationException"/> naming the controller, the component and the capability when
    /// it does not have it (the scenario loader reports that as a validation error).
    /// </summary>
    public T Require<T>(ISimComponent component, string capability)
        where T : class
    {
        return component as T ?? throw new InvalidOperationException(
            $"controller '{Name}' needs {capability} ({typeof(T).Name}), but '{component.Name}' ({component.GetType().Name}) does not provide it");
    }
}
