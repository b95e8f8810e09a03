namespace OpenG2G.Numerics.Sparse;

/// <summary>
/// Doubly linked buckets of nodes by (approximate) degree, for the minimum degree ordering: O(1)
/// insert and remove, and a minimum that only moves up between inserts of smaller degrees.
/// </summary>
internal sealed class DegreeLists
{
    private readonly int[] _head;
    private readonly int[] _next;
    private readonly int[] _previous;
    private readonly int[] _bucket;
    private int _minimum;

    public DegreeLists(int size)
    {
        _head = new int[size + 1];
        _next = new int[size];
        _previous = new int[size];
        _bucket = new int[size];
        Array.Fill(_head, -1);
        Array.Fill(_bucket, -1);
        _minimum = size;
    }

    public void Insert(int node, int degree)
    {
        degree = Math.Clamp(degree, 0, _head.Length - 1);
        int first = _head[degree];
        _next[node] = first;
        _previous[node] = -1;
        if (first >= 0)
            _previous[first] = node;
        _head[degree] = node;
        _bucket[node] = degree;
        _minimum = Math.Min(_minimum, degree);
    }

    /// <summary>Removes <paramref name="node"/> if it is in a bucket; does nothing otherwise.</summary>
    public void Remove(int node)
    {
        int degree = _bucket[node];
        if (degree < 0)
            return;
        int next = _next[node];
        int previous = _previous[node];
        if (next >= 0)
            _previous[next] = previous;
        if (previous >= 0)
            _next[previous] = next;
        else
            _head[degree] = next;
        _bucket[node] = -1;
    }

    /// <summary>Removes and returns a node of least degree.</summary>
    /// <exception cref="InvalidOperationException">No node is left.</exception>
    public int PopMinimum()
    {
        while (_minimum < _head.Length && _head[_minimum] < 0)
            _minimum++;
        if (_minimum == _head.Length)
            throw new InvalidOperationException("no node left in the degree lists");
        int node = _head[_minimum];
        Remove(node);
        return node;
    }
}
