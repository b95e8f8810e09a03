using Parquet;
using Parquet.Schema;

namespace OpenG2G.Scenarios.Results;

/// <summary>
/// A Parquet file written as the run goes: columns are declared once, rows are filled one at a time
/// and every <c>rowGroupRows</c> rows become a row group, written on a background task while the next
/// rows are filled (double buffering; row groups are written one after another, in order). Memory stays
/// bounded whatever the run's length. Output depends only on the rows (no timestamps), so identical runs
/// give identical bytes. Rows go to <c>NAME.partial</c>; Dispose writes the last partial row group and the
/// footer and only then renames the file to its name, so a file under its own name is always a complete
/// Parquet file: a table disposed after a failure or an interruption yields a readable file with every
/// finished row, and a process killed mid-run leaves only the <c>.partial</c> file.
/// </summary>
public sealed class ParquetTable : IDisposable
{
    private readonly List<ColumnBuffer> _columns = new();
    private readonly int _rowGroupRows;
    private readonly string _path;
    private readonly string _partialPath;
    private FileStream? _stream;
    private ParquetWriter? _writer;
    private Task _pending = Task.CompletedTask;
    private bool _started;
    private bool _disposed;

    public ParquetTable(string path, int rowGroupRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupRows, 1);
        _path = path;
        _partialPath = path + PartialSuffix;
        _rowGroupRows = rowGroupRows;
    }

    /// <summary>Appended to the file name while the table is being written.</summary>
    public const string PartialSuffix = ".partial";

    /// <summary>Index of the row being filled within the current row group.</summary>
    public int Row { get; private set; }

    /// <summary>Rows completed so far (written or buffered).</summary>
    public long RowCount { get; private set; }

    public DoubleColumn AddDouble(string name) => Add(new DoubleColumn(this, name, _rowGroupRows));

    public IntColumn AddInt(string name) => Add(new IntColumn(this, name, _rowGroupRows));

    public StringColumn AddString(string name) => Add(new StringColumn(this, name, _rowGroupRows));

    /// <summary>Finish the row being filled; hands a full buffer to the background writer.</summary>
    public void EndRow()
    {
        RowCount++;
        if (++Row == _rowGroupRows)
            StartFlush();
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        try
        {
            _pending.GetAwaiter().GetResult();
            if (Row > 0 || !_started)
            {
                StartFlush();
                _pending.GetAwaiter().GetResult();
            }
        }
        finally
        {
            try
            {
                _writer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            finally
            {
                _stream?.Dispose();
            }
        }
        File.Move(_partialPath, _path, overwrite: true);
    }

    private T Add<T>(T column)
        where T : ColumnBuffer
    {
        if (_started)
            throw new InvalidOperationException("columns must be declared before the first row group is written");
        _columns.Add(column);
        return column;
    }

    /// <summary>Wait for the previous row group (its buffer becomes free), swap buffers and write the filled one in the background.</summary>
    private void StartFlush()
    {
        _pending.GetAwaiter().GetResult();
        if (!_started)
        {
            _started = true;
            _stream = new FileStream(_partialPath, FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
            var schema = new ParquetSchema(_columns.Select(c => (Field)c.Field).ToArray());
            _writer = ParquetWriter.CreateAsync(schema, _stream).GetAwaiter().GetResult();
        }
        int rows = Row;
        Row = 0;
        if (rows == 0)
            return;
        foreach (ColumnBuffer c in _columns)
            c.Swap();
        _pending = Task.Run(() => WriteRowGroupAsync(rows));
    }

    private async Task WriteRowGroupAsync(int rows)
    {
        using ParquetRowGroupWriter rowGroup = _writer!.CreateRowGroup();
        foreach (ColumnBuffer c in _columns)
            await c.WriteAsync(rowGroup, rows).ConfigureAwait(false);
    }
}
