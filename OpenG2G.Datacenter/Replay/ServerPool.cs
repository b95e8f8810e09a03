using OpenG2G.Core.Randomness;

namespace OpenG2G.Datacenter.Replay;

/// <summary>
/// The site's servers: server i is on phase i mod 3 (so phases differ by at most one server); per
/// server a seeded amplitude jitter and a seeded offset into whatever trace it replays. Free servers
/// are handed out in a seeded rank order that cycles A, B, C, so any run of consecutive claims, and
/// so every model's share and the whole fleet, is balanced across phases within one server.
/// </summary>
internal sealed class ServerPool
{
    private readonly SortedSet<int> _freeRanks = new();
    private readonly int[] _serverOfRank;
    private readonly int[] _rankOfServer;

    public ServerPool(int servers)
    {
        Count = servers;
        Phase = new int[servers];
        for (int i = 0; i < servers; i++)
            Phase[i] = i % 3;
        Jitter = new double[servers];
        OffsetFraction = new double[servers];
        Owner = new int[servers];
        ActiveGpus = new int[servers];
        _serverOfRank = new int[servers];
        _rankOfServer = new int[servers];
    }

    public int Count { get; }

    /// <summary>Phase index (0 = A, 1 = B, 2 = C) per server.</summary>
    public int[] Phase { get; }

    /// <summary>Amplitude factor per server.</summary>
    public double[] Jitter { get; }

    /// <summary>Offset into a trace as a fraction of its length, per server, in [0, 1).</summary>
    public double[] OffsetFraction { get; }

    /// <summary>Index of the model owning each server, or -1.</summary>
    public int[] Owner { get; }

    /// <summary>GPUs serving replicas on each server.</summary>
    public int[] ActiveGpus { get; }

    public int FreeServers => _freeRanks.Count;

    /// <summary>Draw the layout from <paramref name="layout"/> and free every server.</summary>
    public void Reset(SimRandom layout, double amplitudeJitter)
    {
        for (int i = 0; i < Count; i++)
        {
            Jitter[i] = amplitudeJitter == 0 ? 1.0 : layout.NextUniform(1 - amplitudeJitter, 1 + amplitudeJitter);
            OffsetFraction[i] = layout.NextDouble();
        }
        var byPhase = Enumerable.Range(0, 3).Select(p => Enumerable.Range(0, Count).Where(i => Phase[i] == p).ToList()).ToArray();
        foreach (var list in byPhase)
            layout.Shuffle(list);
        int rank = 0;
        for (int k = 0; rank < Count; k++)
        {
            foreach (var list in byPhase)
            {
                if (k < list.Count)
                {
                    _serverOfRank[rank] = list[k];
                    _rankOfServer[list[k]] = rank;
                    rank++;
                }
            }
        }
        _freeRanks.Clear();
        for (int r = 0; r < Count; r++)
            _freeRanks.Add(r);
        Array.Fill(Owner, -1);
        Array.Clear(ActiveGpus);
    }

    /// <summary>Give the lowest-ranked free server to <paramref name="model"/>; -1 when none is free.</summary>
    public int Claim(int model)
    {
        if (_freeRanks.Count == 0)
            return -1;
        int rank = _freeRanks.Min;
        _freeRanks.Remove(rank);
        int server = _serverOfRank[rank];
        Owner[server] = model;
        return server;
    }

    public void Release(int server)
    {
        Owner[server] = -1;
        ActiveGpus[server] = 0;
        _freeRanks.Add(_rankOfServer[server]);
    }
}
