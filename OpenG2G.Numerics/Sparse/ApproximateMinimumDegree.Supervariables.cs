namespace OpenG2G.Numerics.Sparse;

internal sealed partial class ApproximateMinimumDegree
{
    /// <summary>
    /// Merges indistinguishable members of Lme (same elements, same variables: in a three-phase
    /// network typically the three phases of a bus) into one supervariable, found by comparing
    /// lists only within a hash bucket. The merged variable's weight moves to its representative.
    /// </summary>
    private void DetectSupervariables(int start, int end)
    {
        for (int q = start; q < end; q++)
        {
            int i = _iw[q];
            if (_nv[i] >= 0)
                continue; // mass-eliminated or merged already
            int bucket = _hashOf[i];
            int first = _hashHead[bucket];
            if (first < 0)
                continue;
            _hashHead[bucket] = -1;
            for (int a = first; a >= 0; a = _hashNext[a])
            {
                MarkList(a);
                int previous = a;
                int b = _hashNext[a];
                while (b >= 0)
                {
                    int following = _hashNext[b];
                    if (HasMarkedList(b, _len[a], _elen[a]))
                    {
                        _nv[a] += _nv[b]; // both negative: still members of Lme
                        _nv[b] = 0;
                        _status[b] = NodeStatus.MergedVariable;
                        _parent[b] = a;
                        _hashNext[previous] = following;
                    }
                    else
                    {
                        previous = b;
                    }
                    b = following;
                }
                _flag++;
            }
        }
    }

    // The first entry of every member's list is me, common to all, so comparisons skip it.
    private void MarkList(int a)
    {
        for (int r = _pe[a] + 1; r < _pe[a] + _len[a]; r++)
            _w[_iw[r]] = _flag;
    }

    private bool HasMarkedList(int b, int length, int elementCount)
    {
        if (_len[b] != length || _elen[b] != elementCount)
            return false;
        for (int r = _pe[b] + 1; r < _pe[b] + length; r++)
        {
            if (_w[_iw[r]] != _flag)
                return false;
        }
        return true;
    }

    /// <summary>
    /// Gives each surviving member of Lme its new approximate degree
    /// <c>min(d_i + |Lme \ i|, n - k - |i|)</c>, returns it to the degree lists and compacts
    /// Lme to those survivors. The pivot's weight now includes everything eliminated with it.
    /// </summary>
    private void FinishElement(int me, int start, int end, int degme, int pivotWeight)
    {
        int remaining = _n - _eliminated;
        int write = start;
        for (int q = start; q < end; q++)
        {
            int i = _iw[q];
            int weight = -_nv[i];
            if (weight <= 0)
                continue;
            _nv[i] = weight;
            int degree = Math.Min(_degree[i] + degme - weight, remaining - weight);
            _degree[i] = degree;
            _lists.Insert(i, degree);
            _iw[write++] = i;
        }
        _nv[me] = pivotWeight;
        _degree[me] = degme;
        _len[me] = write - start;
        if (_len[me] == 0)
        {
            _pe[me] = -1;
            _w[me] = 0;
        }
        if (end == _free)
            _free = write;
    }
}
