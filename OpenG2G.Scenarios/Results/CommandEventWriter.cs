using System.Globalization;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Events;
using OpenG2G.Core.Kernel;

namespace OpenG2G.Scenarios.Results;

/// <summary>
/// <c>commands.parquet</c>, one row per applied command (<c>issued_time_s</c>, <c>applied_time_s</c>,
/// <c>source</c>, <c>target</c>, <c>command</c> (type), <c>subject</c> (model, workload or battery; empty
/// for taps), <c>value</c> (batch size, cap in W, replica delta or battery kW; NaN for taps),
/// <c>detail</c> (the whole command as text)); and <c>events.parquet</c> (<c>time_s</c>, <c>source</c>,
/// <c>kind</c>, <c>message</c>).
/// </summary>
public sealed class CommandEventWriter : ISimulationObserver, IDisposable
{
    public const string CommandsFile = "commands.parquet";
    public const string EventsFile = "events.parquet";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private readonly ParquetTable _commands;
    private readonly DoubleColumn _issued, _applied, _value;
    private readonly StringColumn _source, _target, _command, _subject, _detail;
    private readonly ParquetTable _events;
    private readonly DoubleColumn _eTime;
    private readonly StringColumn _eSource, _kind, _message;

    public CommandEventWriter(string directory, int rowGroupRows)
    {
        _commands = new ParquetTable(Path.Combine(directory, CommandsFile), rowGroupRows);
        _issued = _commands.AddDouble("issued_time_s");
        _applied = _commands.AddDouble("applied_time_s");
        _source = _commands.AddString("source");
        _target = _commands.AddString("target");
        _command = _commands.AddString("command");
        _subject = _commands.AddString("subject");
        _value = _commands.AddDouble("value");
        _detail = _commands.AddString("detail");

        _events = new ParquetTable(Path.Combine(directory, EventsFile), rowGroupRows);
        _eTime = _events.AddDouble("time_s");
        _eSource = _events.AddString("source");
        _kind = _events.AddString("kind");
        _message = _events.AddString("message");
    }

    /// <summary>Commands counted so far.</summary>
    public long Commands => _commands.RowCount;

    /// <summary>Events counted so far.</summary>
    public long Events => _events.RowCount;

    public void OnCommand(CommandRecord record)
    {
        (string subject, double value, string detail) = Describe(record.Command);
        _issued.Set(record.IssuedAt.Seconds);
        _applied.Set(record.AppliedAt.Seconds);
        _source.Set(record.Source);
        _target.Set(record.Command.Target);
        _command.Set(record.Command.GetType().Name);
        _subject.Set(subject);
        _value.Set(value);
        _detail.Set(detail);
        _commands.EndRow();
    }

    public void OnEvent(SimEvent simEvent)
    {
        _eTime.Set(simEvent.Time.Seconds);
        _eSource.Set(simEvent.Source);
        _kind.Set(simEvent.Kind);
        _message.Set(simEvent.Message);
        _events.EndRow();
    }

    private static (string Subject, double Value, string Detail) Describe(Command command) => command switch
    {
        SetBatchSize b => (b.Model, b.BatchSize, $"{b.Model} batch {b.BatchSize}"),
        SetPowerCap c => (c.Workload, c.PowerCapW, string.Create(Inv, $"{c.Workload} cap {c.PowerCapW} W")),
        AdjustReplicas r => (r.Model, r.DeltaReplicas, $"{r.Model} replicas {r.DeltaReplicas:+0;-0;0}"),
        SetBatteryPower p => (p.Battery, p.PowerKw, string.Create(Inv, $"{p.Battery} {p.PowerKw} kW {p.ReactivePowerKvar} kvar")),
        SetTaps t => (string.Empty, double.NaN, string.Join(" ", t.TapRatios.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => string.Create(Inv, $"{kv.Key}={kv.Value}")))),
        _ => (string.Empty, double.NaN, command.ToString()),
    };

    public void Dispose()
    {
        try
        {
            _commands.Dispose();
        }
        finally
        {
            _events.Dispose();
        }
    }
}
