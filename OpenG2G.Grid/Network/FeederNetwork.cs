using System.Numerics;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.Model.Loads;
using OpenG2G.Grid.Model.Transformers;

namespace OpenG2G.Grid.Network;

/// <summary>
/// The compiled network: buses and nodes (ground excluded), the primitives of series and shunt
/// elements, sources, and load phases. Built by <see cref="NetworkCompiler"/>; memory is linear in
/// the number of elements.
/// </summary>
public sealed class FeederNetwork
{
    internal FeederNetwork(DssModel model)
    {
        Model = model;
    }

    public DssModel Model { get; }
    public List<NetworkBus> Buses { get; } = new();
    internal Dictionary<string, NetworkBus> BusByName { get; } = new();

    /// <summary>Per global node: bus index and node number.</summary>
    public List<(int Bus, int Number)> Nodes { get; } = new();

    /// <summary>Lines, transformers, capacitors.</summary>
    public List<Primitive> Branches { get; } = new();
    public List<SourceTerminal> Sources { get; } = new();
    internal Dictionary<TransformerElement, Primitive> TransformerPrimitives { get; } = new();

    /// <summary>The primitive of each series or shunt element (lines, transformers, capacitors, reactors).</summary>
    internal Dictionary<DssElement, Primitive> PrimitiveOf { get; } = new();

    /// <summary>Load phases (DSS loads and attachments); <see cref="LoadBranch.Owner"/> indexes <see cref="LoadOwners"/>.</summary>
    public List<LoadBranch> LoadBranches { get; } = new();
    public List<string> LoadOwners { get; } = new();

    /// <summary>The DSS load behind each owner (same index as <see cref="LoadOwners"/>; null for a PVSystem, Storage or Generator).</summary>
    public List<LoadElement?> LoadOwnerElements { get; } = new();

    /// <summary>PVSystem, Storage and Generator elements with their load branches, in definition order.</summary>
    public List<DerConnection> Ders { get; } = new();

    private readonly HashSet<int> _attachmentOwners = new();

    /// <summary>True when owner <paramref name="owner"/> is an attachment phase rather than a DSS load.</summary>
    public bool IsAttachmentOwner(int owner) => _attachmentOwners.Contains(owner);

    internal void MarkAttachmentOwner(int owner) => _attachmentOwners.Add(owner);

    /// <summary>Load branch index of each phase of each attachment, by attachment name (case-insensitive).</summary>
    internal Dictionary<string, int[]> AttachmentBranches { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Attachments in the order given.</summary>
    public List<Attachments.AttachedLoad> Attachments { get; } = new();

    public double FrequencyHz => Model.Options.DefaultBaseFrequencyHz;

    public int NodeCount => Nodes.Count;

    /// <summary>Line-to-neutral base voltage of node <paramref name="node"/> in volts.</summary>
    public double NodeBaseVolts(int node) => Buses[Nodes[node].Bus].BaseKvLn * 1000.0;

    /// <summary><c>bus.node</c> of a global node.</summary>
    public string NodeName(int node) => Buses[Nodes[node].Bus].Name + "." + Nodes[node].Number;

    public NetworkBus? FindBus(string name) => BusByName.TryGetValue(name.ToLowerInvariant(), out var b) ? b : null;

    internal int NodeOf(string bus, int number)
    {
        if (number == 0)
            return -1;
        var b = BusByName[bus];
        int idx = b.NodeIndex(number);
        if (idx >= 0)
            return idx;
        idx = Nodes.Count;
        Nodes.Add((b.Index, number));
        b.Nodes.Add((number, idx));
        return idx;
    }

    internal NetworkBus AddBus(string name)
    {
        if (BusByName.TryGetValue(name, out var b))
            return b;
        b = new NetworkBus(name, Buses.Count);
        Buses.Add(b);
        BusByName[name] = b;
        return b;
    }

    /// <summary>Add the phases of <paramref name="load"/> as load branches owned by <paramref name="owner"/>; returns the first branch index.</summary>
    internal int AddLoad(LoadElement load, string owner, int[] nodes)
    {
        int ownerIndex = LoadOwners.Count;
        LoadOwners.Add(owner);
        LoadOwnerElements.Add(load);
        int first = LoadBranches.Count;
        int np = load.Phases;
        int nconds = nodes.Length;
        double vbase = load.IsDelta ? load.Kv * 1000.0 : np is 2 or 3 ? load.Kv * 1000.0 / Math.Sqrt(3.0) : load.Kv * 1000.0;
        double mult = load.IsFixed || load.IsExempt ? 1.0 : Model.Options.LoadMultiplier;
        for (int i = 0; i < np; i++)
        {
            int to = load.IsDelta ? nodes[(i + 1) % nconds] : nodes[np];
            LoadBranches.Add(new LoadBranch
            {
                From = nodes[i],
                To = to,
                Model = load.Model,
                BaseVolts = vbase,
                Watts = load.EffectiveKw * 1000.0 * mult / np,
                Vars = load.Kvar * 1000.0 * mult / np,
                VminPu = load.VminPu,
                VmaxPu = load.VmaxPu,
                VlowPu = load.VlowPu,
                CvrWatts = load.CvrWatts,
                CvrVars = load.CvrVars,
                Zipv = load.Model == LoadModel.Zipv ? load.Zipv : null,
                Owner = ownerIndex,
            });
        }
        return first;
    }

    /// <summary>Add the phases of a PVSystem, Storage or Generator as load branches (generation negative; powers start at zero).</summary>
    internal DerConnection AddDer(Model.Der.PowerConversionElement element, int[] nodes, DerLaw law, LoadModel model)
    {
        int ownerIndex = LoadOwners.Count;
        LoadOwners.Add(element.FullName);
        LoadOwnerElements.Add(null);
        int np = element.Phases;
        int nconds = nodes.Length;
        double vbase = element.IsDelta ? element.Kv * 1000.0 : element.PhaseBaseVolts;
        var branches = new int[np];
        for (int i = 0; i < np; i++)
        {
            branches[i] = LoadBranches.Count;
            LoadBranches.Add(new LoadBranch
            {
                From = nodes[i],
                To = element.IsDelta ? nodes[(i + 1) % nconds] : nodes[np],
                Model = model,
                Der = law,
                BaseVolts = vbase,
                VminPu = element.VminPu,
                VmaxPu = element.VmaxPu,
                VlowPu = 0.0,
                CvrWatts = 1.0,
                CvrVars = 2.0,
                Owner = ownerIndex,
            });
        }
        var connection = new DerConnection(element, branches);
        Ders.Add(connection);
        return connection;
    }

    /// <summary>Admittance of a load branch in the matrix: its nominal admittance (W - jvar) / V^2.</summary>
    internal static Complex NominalAdmittance(in LoadBranch b) => new Complex(b.Watts, -b.Vars) / (b.BaseVolts * b.BaseVolts);
}
