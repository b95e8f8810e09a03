namespace OpenG2G.Numerics.Sparse;

internal sealed partial class ApproximateMinimumDegree
{
    /// <summary>
    /// For every element e adjacent to a member of Lme, leaves <c>w[e] - flag = |Le \ Lme|</c>:
    /// the first visit sets w[e] = flag + |Le| and each member of Le ∩ Lme subtracts its weight.
    /// </summary>
    /// <returns>The largest |Le \ Lme| found, so the caller can move the flag past every mark.</returns>
    private int ComputeExternalSizes(int start, int end)
    {
        int largest = 0;
        for (int q = start; q < end; q++)
        {
            int i = _iw[q];
            int elementCount = _elen[i];
            if (elementCount <= 0)
                continue;
            int weight = -_nv[i];
            for (int r = _pe[i]; r < _pe[i] + elementCount; r++)
            {
                int e = _iw[r];
                int we = _w[e];
                if (we >= _flag)
                    we -= weight;
                else if (we != 0)
                    we = _degree[e] + _flag - weight;
                else
                    continue;
                _w[e] = we;
                largest = Math.Max(largest, we - _flag);
            }
        }
        return largest;
    }

    /// <summary>
    /// Recomputes the approximate degree of each member i of Lme and prunes its list: elements
    /// wholly inside Lme are absorbed (aggressive absorption), variables in Lme or merged away are
    /// dropped, and me goes first. A member adjacent to nothing but me is eliminated with the pivot
    /// (mass elimination). Survivors are hashed for supervariable detection.
    /// </summary>
    /// <returns>|Lme| less the mass-eliminated weight.</returns>
    private int UpdateDegrees(int me, int start, int end, int degme, ref int pivotWeight)
    {
        for (int q = start; q < end; q++)
        {
            int i = _iw[q];
            int p1 = _pe[i];
            int elementEnd = p1 + _elen[i];
            int listEnd = p1 + _len[i];
            int write = p1;
            int degree = 0;
            ulong hash = 0;
            for (int r = p1; r < elementEnd; r++)
            {
                int e = _iw[r];
                if (_w[e] == 0)
                    continue;
                int external = _w[e] - _flag;
                if (external > 0)
                {
                    degree += external;
                    _iw[write++] = e;
                    hash += (ulong)e;
                }
                else
                {
                    Absorb(e, me);
                }
            }
            int variablesStart = write;
            for (int r = elementEnd; r < listEnd; r++)
            {
                int j = _iw[r];
                if (_nv[j] <= 0)
                    continue;
                degree += _nv[j];
                _iw[write++] = j;
                hash += (ulong)j;
            }

            if (variablesStart == p1 && write == p1)
            {
                int weight = -_nv[i];
                degme -= weight;
                pivotWeight += weight;
                _eliminated += weight;
                _nv[i] = 0;
                _status[i] = NodeStatus.MergedVariable;
                _parent[i] = me;
                continue;
            }

            _degree[i] = Math.Min(_degree[i], degree);
            // At least one entry was dropped above (me as a variable, or an element absorbed into
            // me), so there is room to put me first without growing the list.
            _iw[write] = _iw[variablesStart];
            _iw[variablesStart] = _iw[p1];
            _iw[p1] = me;
            _len[i] = write - p1 + 1;
            _elen[i] = variablesStart - p1 + 1;

            int bucket = (int)(hash % (ulong)_n);
            _hashNext[i] = _hashHead[bucket];
            _hashHead[bucket] = i;
            _hashOf[i] = bucket;
        }
        return degme;
    }
}
