using System.Collections.Immutable;
using System.Globalization;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Components;
using OpenG2G.Grid.Components;
using OpenG2G.Scenarios.Loading;

namespace OpenG2G.Scenarios.Results;

/// <summary>
/// What a run will write, known before it starts: the grid solves, and rows and bytes per Parquet table,
/// from the built components (bus-phases per solve, attachments, models per datacenter) and the periods.
/// Bytes are rows times the compressed bytes per row of the shipped IEEE 13/34/123 studies (3600 s, OFO),
/// which agree within 10 % across the three feeders; commands and events (a few rows per decision) are
/// not counted.
/// </summary>
public sealed record OutputEstimate(long GridSolves, ImmutableArray<TableEstimate> Tables)
{
    // Measured: file bytes / rows of the 3600 s IEEE 13, 34 and 123 OFO runs (Parquet.Net, default compression).
    private const double BusVoltageBytesPerRow = 17.5;
    private const double GridBytesPerRow = 45;
    private const double AttachmentBytesPerRow = 46;
    private const double TapBytesPerRow = 30;
    private const double DatacenterPowerBytesPerRow = 37;
    private const double DatacenterModelBytesPerRow = 21;

    /// <summary>Every table together, in bytes.</summary>
    public long TotalBytes => Tables.Sum(t => t.Bytes);

    public static OutputEstimate Of(BuiltScenario built)
    {
        ScenarioDefinition d = built.Definition;
        IGrid? grid = built.Setup.Grid;
        long solves = grid is null ? 0 : Instants(d.Duration, grid.Period);
        int nodes = grid is IGridTopology topology ? topology.Nodes.Count : 0;
        int attachments = built.Setup.Datacenters.Length
            + (d.Grid?.Options is OpenDssGridOptions o ? o.Pv.Length + o.Loads.Length + o.Batteries.Length : 0);
        int regulators = grid is ITapChanger taps ? taps.Regulators.Length : 0;
        long datacenterSteps = 0, modelRows = 0;
        foreach (IDatacenter dc in built.Setup.Datacenters)
        {
            long steps = Instants(d.Duration, dc.Period);
            datacenterSteps += steps;
            modelRows += steps * (dc is IBatchControllable b ? b.Models.Count : 0);
        }
        var tables = ImmutableArray.CreateBuilder<TableEstimate>();
        if (d.Header.Outputs.BusVoltages)
            tables.Add(Table(BusVoltageWriter.FileName, solves * nodes, BusVoltageBytesPerRow));
        tables.Add(Table(GridWriter.GridFile, solves, GridBytesPerRow));
        tables.Add(Table(GridWriter.AttachmentsFile, solves * attachments, AttachmentBytesPerRow));
        tables.Add(Table(GridWriter.TapsFile, solves > 0 ? regulators : 0, TapBytesPerRow));
        tables.Add(Table(DatacenterWriter.PowerFile, datacenterSteps, DatacenterPowerBytesPerRow));
        tables.Add(Table(DatacenterWriter.ModelsFile, modelRows, DatacenterModelBytesPerRow));
        return new OutputEstimate(solves, tables.ToImmutable());
    }

    /// <summary>The lines <c>validate</c> and the run header print: solves, then one line per table.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{GridSolves:N0} grid solves; outputs about {Bytes(TotalBytes)} (and a few rows of commands and events):"),
        };
        int width = Tables.Max(t => t.File.Length);
        foreach (TableEstimate t in Tables)
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {t.File.PadRight(width)}  {t.Rows,13:N0} rows  about {Bytes(t.Bytes)}"));
        return lines;
    }

    /// <summary>Decimal units: 10 GB is 10^10 bytes.</summary>
    public static string Bytes(double bytes)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB", "PB"];
        int u = 0;
        while (bytes >= 1000 && u < units.Length - 1)
        {
            bytes /= 1000;
            u++;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{(u == 0 || bytes >= 100 ? bytes.ToString("F0", CultureInfo.InvariantCulture) : bytes.ToString("G3", CultureInfo.InvariantCulture))} {units[u]}");
    }

    /// <summary>Instants of a component with <paramref name="period"/> in [0, duration).</summary>
    private static long Instants(TimeSpan duration, TimeSpan period) =>
        period.Ticks <= 0 ? 0 : (duration.Ticks + period.Ticks - 1) / period.Ticks;

    private static TableEstimate Table(string file, long rows, double bytesPerRow) => new(file, rows, (long)(rows * bytesPerRow));
}
