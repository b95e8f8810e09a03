namespace OpenG2G.Numerics.Sparse;

/// <summary>
/// Approximate minimum degree ordering of a symmetric graph (Amestoy, Davis and Duff, "An
/// approximate minimum degree ordering algorithm", SIAM J. Matrix Anal. Appl. 17(4), 1996).
/// Elimination runs on the quotient graph: an eliminated pivot becomes an element standing for
/// the clique it creates; variables keep a list of adjacent elements followed by adjacent
/// variables. Degrees are the paper's upper bound, computed from |Le \ Lme| with the w-array
/// trick; the implementation also uses element absorption, aggressive absorption, mass
/// elimination, hash-based supervariable detection and defers dense rows to the end.
/// </summary>
/// <remarks>
/// The ordering only has to be a permutation for correctness; every approximation here affects
/// fill, never the factors. Written from the paper's description.
/// </remarks>
internal sealed partial class ApproximateMinimumDegree
{
    private enum NodeStatus : byte
    {
        Variable,
        Element,
        AbsorbedElement,
        MergedVariable,
        Dense,
    }

    private readonly int _n;
    private int[] _iw;
    private int _free;
    private readonly int[] _pe;
    private readonly int[] _len;
    private readonly int[] _elen;
    private readonly int[] _nv;
    private readonly int[] _degree;
    private readonly int[] _w;
    private readonly int[] _parent;
    private readonly int[] _pivotStep;
    private readonly int[] _hashHead;
    private readonly int[] _hashNext;
    private readonly int[] _hashOf;
    private readonly NodeStatus[] _status;
    private readonly DegreeLists _lists;
    private int _flag = 2;
    private int _eliminated;
    private int _steps;
    private int _denseCount;
    private int _compactions;

    private ApproximateMinimumDegree(SymmetricGraph graph)
    {
        _n = graph.Size;
        int edges = graph.Starts[_n];
        _iw = new int[edges + edges / 5 + 2 * _n];
        Array.Copy(graph.Neighbors, _iw, edges);
        _free = edges;
        _pe = graph.Starts.AsSpan(0, _n).ToArray();
        _len = new int[_n];
        _elen = new int[_n];
        _nv = new int[_n];
        _degree = new int[_n];
        _w = new int[_n];
        _parent = new int[_n];
        _pivotStep = new int[_n];
        _hashHead = new int[_n];
        _hashNext = new int[_n];
        _hashOf = new int[_n];
        _status = new NodeStatus[_n];
        _lists = new DegreeLists(_n);
        Array.Fill(_parent, -1);
        Array.Fill(_pivotStep, -1);
        Array.Fill(_hashHead, -1);
        Array.Fill(_w, 1);

        // Rows much denser than average (a hub node) would dominate every degree update; like
        // the paper's implementation, they are set aside and ordered last.
        int denseThreshold = Math.Max(16, (int)(10 * Math.Sqrt(_n)));
        for (int i = 0; i < _n; i++)
        {
            _len[i] = graph.Degree(i);
            _degree[i] = _len[i];
            if (_len[i] > denseThreshold)
            {
                _status[i] = NodeStatus.Dense;
                _denseCount++;
                continue;
            }
            _nv[i] = 1;
            _lists.Insert(i, _degree[i]);
        }
    }

    /// <summary>
    /// A fill-reducing elimination order of <paramref name="graph"/>: element <c>k</c> is the node
    /// eliminated <c>k</c>-th.
    /// </summary>
    public static int[] Order(SymmetricGraph graph) => Order(graph, out _);

    /// <param name="graph">The graph to order.</param>
    /// <param name="compactions">How often the workspace ran out and was compacted (for tests).</param>
    public static int[] Order(SymmetricGraph graph, out int compactions)
    {
        var amd = new ApproximateMinimumDegree(graph);
        while (amd._eliminated < amd._n - amd._denseCount)
            amd.EliminatePivot(amd._lists.PopMinimum());
        compactions = amd._compactions;
        return amd.Permutation();
    }

    private void EliminatePivot(int me)
    {
        ResetFlagIfNearOverflow();
        _pivotStep[me] = _steps++;
        int pivotWeight = _nv[me];
        _eliminated += pivotWeight;
        _nv[me] = -pivotWeight; // keeps the pivot out of its own element
        var (start, end, degme) = BuildElement(me);
        int largestExternal = ComputeExternalSizes(start, end);
        degme = UpdateDegrees(me, start, end, degme, ref pivotWeight);
        _flag += largestExternal + 1;
        DetectSupervariables(start, end);
        FinishElement(me, start, end, degme, pivotWeight);
    }

    // Flags grow by at most 2n + 2 per pivot; before they could overflow, every live mark is
    // reset to 1 (0 stays 0: it means "absorbed element").
    private void ResetFlagIfNearOverflow()
    {
        if (_flag < int.MaxValue - 2 * _n - 4)
            return;
        for (int x = 0; x < _n; x++)
        {
            if (_w[x] != 0)
                _w[x] = 1;
        }
        _flag = 2;
    }

    // Every node that was ever a pivot has a step; merged and mass-eliminated variables follow
    // their representative's pivot, right after it. Dense nodes come last.
    private int[] Permutation()
    {
        var count = new int[_steps + 1];
        for (int x = 0; x < _n; x++)
        {
            if (_status[x] != NodeStatus.Dense)
                count[_pivotStep[Representative(x)] + 1]++;
        }
        for (int s = 0; s < _steps; s++)
            count[s + 1] += count[s];

        var order = new int[_n];
        for (int x = 0; x < _n; x++)
        {
            if (_pivotStep[x] >= 0)
                order[count[_pivotStep[x]]++] = x;
        }
        for (int x = 0; x < _n; x++)
        {
            if (_status[x] == NodeStatus.MergedVariable)
                order[count[_pivotStep[Representative(x)]]++] = x;
        }
        int next = _n - _denseCount;
        for (int x = 0; x < _n; x++)
        {
            if (_status[x] == NodeStatus.Dense)
                order[next++] = x;
        }
        return order;
    }

    private int Representative(int x)
    {
        int root = x;
        while (_status[root] == NodeStatus.MergedVariable)
            root = _parent[root];
        while (_status[x] == NodeStatus.MergedVariable)
        {
            int up = _parent[x];
            _parent[x] = root;
            x = up;
        }
        return root;
    }
}
