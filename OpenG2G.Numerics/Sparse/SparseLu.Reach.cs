namespace OpenG2G.Numerics.Sparse;

public sealed partial class SparseLu
{
    /// <summary>
    /// Symbolic step of Gilbert-Peierls: the rows that column <paramref name="column"/> of the
    /// factors will touch are those reachable from its entries in the graph of L (row j, once
    /// pivotal at position p, leads to the rows of L's column p). A depth-first search with an
    /// explicit stack leaves them in <c>_reach[top..n)</c> in topological order.
    /// </summary>
    /// <returns>The start <c>top</c> of the reach in <c>_reach</c>.</returns>
    private int Reach(int k, int column)
    {
        int stamp = k + 1;
        int top = Size;
        var starts = _pattern.ColumnStarts;
        var rows = _pattern.RowIndices;
        for (int p = starts[column]; p < starts[column + 1]; p++)
        {
            int row = rows[p];
            if (_visited[row] != stamp)
                top = DepthFirst(row, stamp, top);
        }
        return top;
    }

    private int DepthFirst(int root, int stamp, int top)
    {
        var lowerStarts = _lower.Starts;
        var lowerRows = _lower.Indices;
        int head = 0;
        _stack[0] = root;
        while (head >= 0)
        {
            int j = _stack[head];
            int position = _positionOfRow[j];
            if (_visited[j] != stamp)
            {
                _visited[j] = stamp;
                _stackNext[head] = position >= 0 ? lowerStarts[position] : 0;
            }

            bool finished = true;
            if (position >= 0)
            {
                int end = lowerStarts[position + 1];
                for (int p = _stackNext[head]; p < end; p++)
                {
                    int i = lowerRows[p];
                    if (_visited[i] == stamp)
                        continue;
                    _stackNext[head] = p + 1;
                    _stack[++head] = i;
                    finished = false;
                    break;
                }
            }
            if (finished)
            {
                head--;
                _reach[--top] = j;
            }
        }
        return top;
    }
}
