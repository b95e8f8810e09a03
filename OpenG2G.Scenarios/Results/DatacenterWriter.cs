using OpenG2G.Core.Kernel;
using OpenG2G.Core.States;

namespace OpenG2G.Scenarios.Results;

/// <summary>
/// Per datacenter step: <c>datacenter_power.parquet</c> (<c>time_s</c>, <c>datacenter</c>,
/// <c>power_a_kw</c>, <c>power_b_kw</c>, <c>power_c_kw</c>, <c>power_total_kw</c>,
/// <c>training_power_kw</c>) and <c>datacenter_models.parquet</c>, one row per served model
/// (<c>time_s</c>, <c>datacenter</c>, <c>model</c>, <c>batch_size</c> int32, <c>active_replicas</c> int32,
/// <c>itl_s</c> (NaN without replicas), <c>throughput_tokens_per_s</c>, <c>throughput_source</c> (measured,
/// interpolated, extrapolated or unknown), <c>power_kw</c>, <c>power_cap_w</c> (NaN when uncapped)), and
/// <c>datacenter_training.parquet</c>, one row per running training job (<c>time_s</c>, <c>datacenter</c>,
/// <c>job</c>, <c>gpus</c> int32, <c>power_kw</c>, <c>power_cap_w</c> (NaN when the job cannot be capped),
/// <c>training_throughput_fraction</c>).
/// </summary>
public sealed class DatacenterWriter : ISimulationObserver, IDisposable
{
    public const string PowerFile = "datacenter_power.parquet";
    public const string ModelsFile = "datacenter_models.parquet";
    public const string TrainingFile = "datacenter_training.parquet";

    private readonly ParquetTable _power;
    private readonly DoubleColumn _pTime, _pa, _pb, _pc, _total, _training;
    private readonly StringColumn _pSite;
    private readonly ParquetTable _models;
    private readonly DoubleColumn _mTime, _itl, _throughput, _modelPower, _cap;
    private readonly StringColumn _mSite, _model, _source;
    private readonly IntColumn _batch, _replicas;
    private readonly ParquetTable _jobs;
    private readonly DoubleColumn _jTime, _jPower, _jCap, _jFraction;
    private readonly StringColumn _jSite, _job;
    private readonly IntColumn _jGpus;

    public DatacenterWriter(string directory, int rowGroupRows)
    {
        _power = new ParquetTable(Path.Combine(directory, PowerFile), rowGroupRows);
        _pTime = _power.AddDouble("time_s");
        _pSite = _power.AddString("datacenter");
        _pa = _power.AddDouble("power_a_kw");
        _pb = _power.AddDouble("power_b_kw");
        _pc = _power.AddDouble("power_c_kw");
        _total = _power.AddDouble("power_total_kw");
        _training = _power.AddDouble("training_power_kw");

        _models = new ParquetTable(Path.Combine(directory, ModelsFile), rowGroupRows);
        _mTime = _models.AddDouble("time_s");
        _mSite = _models.AddString("datacenter");
        _model = _models.AddString("model");
        _batch = _models.AddInt("batch_size");
        _replicas = _models.AddInt("active_replicas");
        _itl = _models.AddDouble("itl_s");
        _throughput = _models.AddDouble("throughput_tokens_per_s");
        _source = _models.AddString("throughput_source");
        _modelPower = _models.AddDouble("power_kw");
        _cap = _models.AddDouble("power_cap_w");

        _jobs = new ParquetTable(Path.Combine(directory, TrainingFile), rowGroupRows);
        _jTime = _jobs.AddDouble("time_s");
        _jSite = _jobs.AddString("datacenter");
        _job = _jobs.AddString("job");
        _jGpus = _jobs.AddInt("gpus");
        _jPower = _jobs.AddDouble("power_kw");
        _jCap = _jobs.AddDouble("power_cap_w");
        _jFraction = _jobs.AddDouble("training_throughput_fraction");
    }

    /// <summary>The <c>throughput_source</c> value of <paramref name="source"/> (also the summary's spelling).</summary>
    public static string SourceName(ThroughputProvenance source) => source switch
    {
        ThroughputProvenance.Measured => "measured",
        ThroughputProvenance.Interpolated => "interpolated",
        ThroughputProvenance.Extrapolated => "extrapolated",
        _ => "unknown",
    };

    public void OnDatacenterState(DatacenterState state)
    {
        double t = state.Time.Seconds;
        _pTime.Set(t);
        _pSite.Set(state.Datacenter);
        _pa.Set(state.PowerW.A / 1000.0);
        _pb.Set(state.PowerW.B / 1000.0);
        _pc.Set(state.PowerW.C / 1000.0);
        _total.Set(state.PowerW.Total / 1000.0);
        _training.Set(state.TrainingPowerW / 1000.0);
        _power.EndRow();

        foreach (ModelState m in state.Models)
        {
            _mTime.Set(t);
            _mSite.Set(state.Datacenter);
            _model.Set(m.Model);
            _batch.Set(m.BatchSize);
            _replicas.Set(m.ActiveReplicas);
            _itl.Set(m.ItlS);
            _throughput.Set(m.ThroughputTokensPerS);
            _source.Set(SourceName(m.ThroughputSource));
            _modelPower.Set(m.PowerW / 1000.0);
            _cap.Set(m.PowerCapW);
            _models.EndRow();
        }

        foreach (TrainingJobState j in state.Training)
        {
            if (!j.Running)
                continue;
            _jTime.Set(t);
            _jSite.Set(state.Datacenter);
            _job.Set(j.Info.Job);
            _jGpus.Set(j.Info.Gpus);
            _jPower.Set(j.PowerW / 1000.0);
            _jCap.Set(j.PowerCapW);
            _jFraction.Set(j.ThroughputFraction);
            _jobs.EndRow();
        }
    }

    public void Dispose()
    {
        try
        {
            _power.Dispose();
        }
        finally
        {
            try
            {
                _models.Dispose();
            }
            finally
            {
                _jobs.Dispose();
            }
        }
    }
}
