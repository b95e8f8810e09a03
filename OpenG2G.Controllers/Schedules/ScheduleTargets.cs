using OpenG2G.Controllers.Options;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;

namespace OpenG2G.Controllers.Schedules;

/// <summary>
/// Which target datacenters a schedule entry acts on: the one it names, or every target offering the
/// capability that serves the entry's model (or workload). Errors name the entry and what exists.
/// </summary>
internal sealed class ScheduleTargets<TCapability>
    where TCapability : class
{
    private readonly List<(IDatacenter Datacenter, TCapability Capability)> _sites = new();
    private readonly ControllerBuildContext _context;
    private readonly string _capability;
    private readonly Func<TCapability, string, bool> _serves;
    private readonly Func<TCapability, IEnumerable<string>> _served;

    /// <param name="context">The controller's build context.</param>
    /// <param name="capability">What the capability lets the controller do, for messages.</param>
    /// <param name="serves">Whether a site serves an item (model or workload).</param>
    /// <param name="served">The items a site serves, for messages.</param>
    public ScheduleTargets(ControllerBuildContext context, string capability, Func<TCapability, string, bool> serves, Func<TCapability, IEnumerable<string>> served)
    {
        _context = context;
        _capability = capability;
        _serves = serves;
        _served = served;
        if (context.Targets.IsDefaultOrEmpty)
            throw new InvalidOperationException($"controller '{context.Name}' has no target datacenter");
        foreach (IDatacenter d in context.Targets)
        {
            if (d is TCapability c)
                _sites.Add((d, c));
        }
        if (_sites.Count == 0)
            context.Require<TCapability>(context.Targets[0], capability);
    }

    /// <summary>
    /// The sites entry <paramref name="entryPath"/> acts on. Throws <see cref="ArgumentException"/> when
    /// the named datacenter is not a target or does not serve <paramref name="item"/>, or no target serves it.
    /// </summary>
    public List<(string Datacenter, TCapability Capability)> Resolve(string? datacenter, string item, string entryPath, string itemKey)
    {
        var result = new List<(string, TCapability)>();
        if (datacenter is not null)
        {
            IDatacenter target = _context.Targets.FirstOrDefault(d => d.Name == datacenter)
                ?? throw OptionsGuard.Invalid($"{entryPath}.datacenter",
                    $"'{datacenter}' is not a target of this controller (targets: {OptionsGuard.List(_context.Targets.Select(d => d.Name))})");
            TCapability capability = _context.Require<TCapability>(target, _capability);
            if (!_serves(capability, item))
            {
                throw OptionsGuard.Invalid($"{entryPath}.{itemKey}",
                    $"'{datacenter}' does not serve '{item}' (it serves {OptionsGuard.List(_served(capability))})");
            }
            result.Add((target.Name, capability));
            return result;
        }
        foreach ((IDatacenter d, TCapability c) in _sites)
        {
            if (_serves(c, item))
                result.Add((d.Name, c));
        }
        if (result.Count == 0)
        {
            string sites = string.Join("; ", _sites.Select(s => $"'{s.Datacenter.Name}' serves {OptionsGuard.List(_served(s.Capability))}"));
            throw OptionsGuard.Invalid($"{entryPath}.{itemKey}", $"no target datacenter serves '{item}' ({sites})");
        }
        return result;
    }
}
