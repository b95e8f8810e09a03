namespace OpenG2G.Numerics.Sparse;

internal sealed partial class ApproximateMinimumDegree
{
    /// <summary>
    /// Turns pivot <paramref name="me"/> into element Lme: the union of its variable neighbours
    /// and of the variables of its adjacent elements, which are absorbed into it. Members of Lme
    /// are flagged by a negative weight and leave the degree lists.
    /// </summary>
    /// <returns>Where Lme lies in the workspace and its total weight |Lme|.</returns>
    private (int Start, int End, int Degme) BuildElement(int me)
    {
        int elementCount = _elen[me];
        int degme = 0;
        int start;
        int end;
        if (elementCount == 0)
        {
            // Only variable neighbours: Lme is a subset of me's own list and is built in place.
            start = _pe[me];
            end = start;
            int listEnd = start + _len[me];
            for (int q = start; q < listEnd; q++)
                AddToElement(_iw[q], ref end, ref degme);
        }
        else
        {
            int bound = _len[me] - elementCount;
            for (int q = _pe[me]; q < _pe[me] + elementCount; q++)
                bound += _len[_iw[q]];
            EnsureFree(bound);

            start = _free;
            end = start;
            int p = _pe[me];
            for (int q = p; q < p + _len[me]; q++)
            {
                int x = _iw[q];
                if (q >= p + elementCount)
                {
                    AddToElement(x, ref end, ref degme);
                    continue;
                }
                for (int r = _pe[x]; r < _pe[x] + _len[x]; r++)
                    AddToElement(_iw[r], ref end, ref degme);
                Absorb(x, me);
            }
            _free = end;
        }
        _pe[me] = start;
        _len[me] = end - start;
        _elen[me] = 0;
        _status[me] = NodeStatus.Element;
        return (start, end, degme);
    }

    private void AddToElement(int i, ref int end, ref int degme)
    {
        int weight = _nv[i];
        if (weight <= 0)
            return; // already in Lme, the pivot itself, merged away, or dense
        degme += weight;
        _nv[i] = -weight;
        _iw[end++] = i;
        _lists.Remove(i);
    }

    private void Absorb(int element, int into)
    {
        _status[element] = NodeStatus.AbsorbedElement;
        _parent[element] = into;
        _w[element] = 0;
    }

    /// <summary>
    /// Makes room for <paramref name="needed"/> more entries at the end of the workspace by copying
    /// the live lists (variables' and elements') into a fresh array, larger when still short.
    /// Analysis may allocate, and a copy is simpler than in-place compaction.
    /// </summary>
    private void EnsureFree(int needed)
    {
        if (_iw.Length - _free >= needed)
            return;
        _compactions++;
        int live = 0;
        for (int x = 0; x < _n; x++)
        {
            if (HasLiveList(x))
                live += _len[x];
        }
        var fresh = new int[Math.Max(_iw.Length, live + needed + live / 5 + _n)];
        int write = 0;
        for (int x = 0; x < _n; x++)
        {
            if (!HasLiveList(x))
                continue;
            Array.Copy(_iw, _pe[x], fresh, write, _len[x]);
            _pe[x] = write;
            write += _len[x];
        }
        _iw = fresh;
        _free = write;
    }

    private bool HasLiveList(int x) =>
        _status[x] == NodeStatus.Variable || (_status[x] == NodeStatus.Element && _len[x] > 0);
}
