using OpenG2G.Core.Kernel;
using OpenG2G.Core.States;

namespace OpenG2G.Scenarios.Results;

/// <summary>
/// <c>bus_voltages.parquet</c>, one row per grid step and bus-phase:
/// <c>time_s</c> (double), <c>bus</c> (string), <c>phase</c> (int32, 1-3), <c>voltage_pu</c> (double,
/// of the bus's line-to-neutral base), <c>angle_deg</c> (double).
/// </summary>
public sealed class BusVoltageWriter : ISimulationObserver, IDisposable
{
    public const string FileName = "bus_voltages.parquet";
    private readonly ParquetTable _table;
    private readonly DoubleColumn _time;
    private readonly StringColumn _bus;
    private readonly IntColumn _phase;
    private readonly DoubleColumn _voltage;
    private readonly DoubleColumn _angle;

    public BusVoltageWriter(string directory, int rowGroupRows)
    {
        _table = new ParquetTable(Path.Combine(directory, FileName), rowGroupRows);
        _time = _table.AddDouble("time_s");
        _bus = _table.AddString("bus");
        _phase = _table.AddInt("phase");
        _voltage = _table.AddDouble("voltage_pu");
        _angle = _table.AddDouble("angle_deg");
    }

    public void OnGridState(GridState state)
    {
        double t = state.Time.Seconds;
        var nodes = state.Nodes.Nodes;
        for (int i = 0; i < nodes.Length; i++)
        {
            _time.Set(t);
            _bus.Set(nodes[i].Bus);
            _phase.Set(nodes[i].Phase);
            _voltage.Set(state.VoltagePu[i]);
            _angle.Set(state.VoltageAngleDeg[i]);
            _table.EndRow();
        }
    }

    public void Dispose() => _table.Dispose();
}
