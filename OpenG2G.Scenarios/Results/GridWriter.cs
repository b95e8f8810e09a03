using OpenG2G.Core.Kernel;
using OpenG2G.Core.Metrics;
using OpenG2G.Core.States;

namespace OpenG2G.Scenarios.Results;

/// <summary>
/// Per grid step: <c>grid.parquet</c> (<c>time_s</c>, <c>source_power_kw</c>,
/// <c>source_reactive_power_kvar</c>, <c>losses_kw</c>, <c>iterations</c>, <c>min_voltage_pu</c> and
/// <c>max_voltage_pu</c> over the bus-phases counted by the metrics); <c>taps.parquet</c>
/// (<c>time_s</c>, <c>regulator</c>, <c>tap_ratio_pu</c>, <c>tap_step</c>: every regulator at the first
/// step, then a row whenever a tap changes); <c>attachments.parquet</c> (<c>time_s</c>, <c>name</c>,
/// <c>kind</c>, <c>bus</c>, <c>power_a_kw</c>..<c>power_c_kw</c>, <c>reactive_power_a_kvar</c>..<c>_c_kvar</c>,
/// <c>state_of_charge_fraction</c> (NaN except for batteries): datacenters, PV, loads and batteries).
/// </summary>
public sealed class GridWriter : ISimulationObserver, IDisposable
{
    public const string GridFile = "grid.parquet";
    public const string TapsFile = "taps.parquet";
    public const string AttachmentsFile = "attachments.parquet";

    private readonly CountedNodes _counted;
    private readonly Dictionary<string, int> _lastSteps = new(StringComparer.Ordinal);
    private readonly ParquetTable _grid;
    private readonly DoubleColumn _gTime, _source, _sourceQ, _losses, _vmin, _vmax;
    private readonly IntColumn _iterations;
    private readonly ParquetTable _taps;
    private readonly DoubleColumn _tTime, _ratio;
    private readonly StringColumn _regulator;
    private readonly IntColumn _step;
    private readonly ParquetTable _attachments;
    private readonly DoubleColumn _aTime, _pa, _pb, _pc, _qa, _qb, _qc, _soc;
    private readonly StringColumn _name, _kind, _bus;

    public GridWriter(string directory, int rowGroupRows, IEnumerable<string> excludedBuses)
    {
        _counted = new CountedNodes(excludedBuses);
        _grid = new ParquetTable(Path.Combine(directory, GridFile), rowGroupRows);
        _gTime = _grid.AddDouble("time_s");
        _source = _grid.AddDouble("source_power_kw");
        _sourceQ = _grid.AddDouble("source_reactive_power_kvar");
        _losses = _grid.AddDouble("losses_kw");
        _iterations = _grid.AddInt("iterations");
        _vmin = _grid.AddDouble("min_voltage_pu");
        _vmax = _grid.AddDouble("max_voltage_pu");

        _taps = new ParquetTable(Path.Combine(directory, TapsFile), rowGroupRows);
        _tTime = _taps.AddDouble("time_s");
        _regulator = _taps.AddString("regulator");
        _ratio = _taps.AddDouble("tap_ratio_pu");
        _step = _taps.AddInt("tap_step");

        _attachments = new ParquetTable(Path.Combine(directory, AttachmentsFile), rowGroupRows);
        _aTime = _attachments.AddDouble("time_s");
        _name = _attachments.AddString("name");
        _kind = _attachments.AddString("kind");
        _bus = _attachments.AddString("bus");
        _pa = _attachments.AddDouble("power_a_kw");
        _pb = _attachments.AddDouble("power_b_kw");
        _pc = _attachments.AddDouble("power_c_kw");
        _qa = _attachments.AddDouble("reactive_power_a_kvar");
        _qb = _attachments.AddDouble("reactive_power_b_kvar");
        _qc = _attachments.AddDouble("reactive_power_c_kvar");
        _soc = _attachments.AddDouble("state_of_charge_fraction");
    }

    public void OnGridState(GridState state)
    {
        double t = state.Time.Seconds;
        (double min, double max) = _counted.Extremes(state);
        _gTime.Set(t);
        _source.Set(state.SourcePowerKw);
        _sourceQ.Set(state.SourceReactivePowerKvar);
        _losses.Set(state.LossesKw);
        _iterations.Set(state.Iterations);
        _vmin.Set(min);
        _vmax.Set(max);
        _grid.EndRow();

        foreach (TapState tap in state.Taps)
        {
            if (_lastSteps.TryGetValue(tap.Regulator, out int last) && last == tap.TapStep)
                continue;
            _lastSteps[tap.Regulator] = tap.TapStep;
            _tTime.Set(t);
            _regulator.Set(tap.Regulator);
            _ratio.Set(tap.TapRatio);
            _step.Set(tap.TapStep);
            _taps.EndRow();
        }

        foreach (AttachmentState a in state.Attachments)
        {
            _aTime.Set(t);
            _name.Set(a.Name);
            _kind.Set(a.Kind);
            _bus.Set(a.Bus);
            _pa.Set(a.PowerKw.A);
            _pb.Set(a.PowerKw.B);
            _pc.Set(a.PowerKw.C);
            _qa.Set(a.ReactivePowerKvar.A);
            _qb.Set(a.ReactivePowerKvar.B);
            _qc.Set(a.ReactivePowerKvar.C);
            _soc.Set(a.StateOfChargeFraction);
            _attachments.EndRow();
        }
    }

    public void Dispose()
    {
        try
        {
            _grid.Dispose();
        }
        finally
        {
            try
            {
                _taps.Dispose();
            }
            finally
            {
                _attachments.Dispose();
            }
        }
    }
}
