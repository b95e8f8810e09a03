using System.Globalization;
using OpenG2G.Datacenter.Traces;

namespace OpenG2G.Cli.Commands;

/// <summary>Plain-text listing of a trace library (aligned columns, no colour, so it pipes and diffs well).</summary>
public static class TracesListing
{
    public static void Write(TextWriter output, TraceLibrary library, string directory, string? gpu, string? model, bool allPowerCaps)
    {
        output.WriteLine($"Trace library {directory} ({library.Datasets.Length} datasets; provenance in its README.md)");
        output.WriteLine();

        var configs = library.Inference
            .Where(c => gpu is null || string.Equals(c.Key.Gpu, gpu, StringComparison.OrdinalIgnoreCase))
            .Where(c => model is null || c.Key.Label.Contains(model, StringComparison.OrdinalIgnoreCase))
            .ToList();
        output.WriteLine($"Inference ({configs.Count} configurations; power series measured or synthesised from a similar measured one; power limits: none measured for inference)");
        var rows = new List<string[]> { new[] { "model", "gpu", "gpus", "task", "batch sizes", "series" } };
        rows.AddRange(configs.Select(c => new[]
        {
            c.Key.Label, c.Key.Gpu, c.Key.GpusPerReplica.ToString(CultureInfo.InvariantCulture), c.Key.Task,
            string.Join(",", c.BatchSizes), c.SeriesProvenance.ToString().ToLowerInvariant(),
        }));
        WriteTable(output, rows);
        output.WriteLine();

        var caps = library.PowerCaps.Where(r => gpu is null || string.Equals(r.Gpu, gpu, StringComparison.OrdinalIgnoreCase)).ToList();
        output.WriteLine($"Power-capped training ({caps.Count} responses, measured)");
        if (allPowerCaps)
        {
            var capRows = new List<string[]> { new[] { "id", "gpu", "gpus", "batch", "power limits (W)" } };
            capRows.AddRange(caps.Select(r => new[]
            {
                r.Id, r.Gpu, r.NumGpus.ToString(CultureInfo.InvariantCulture), r.BatchSize.ToString(CultureInfo.InvariantCulture),
                string.Join(",", r.Points.Select(p => p.PowerLimitW.ToString(CultureInfo.InvariantCulture))),
            }));
            WriteTable(output, capRows);
        }
        else
        {
            var capRows = new List<string[]> { new[] { "gpu", "responses", "power limits (W)" } };
            capRows.AddRange(caps.GroupBy(r => r.Gpu).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new[]
            {
                g.Key, g.Count().ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{g.Min(r => r.MinCapW)}-{g.Max(r => r.MaxCapW)}"),
            }));
            WriteTable(output, capRows);
            output.WriteLine("  (--power-caps lists every response id)");
        }
        output.WriteLine();

        output.WriteLine("Training power profiles");
        var trainingRows = new List<string[]> { new[] { "id", "provenance", "warm-up (s)", "steady loop (s)", "steady mean (fraction of peak)" } };
        trainingRows.AddRange(library.TrainingProfiles.Select(p => new[]
        {
            p.Id, p.Provenance.ToString().ToLowerInvariant(),
            (p.Warmup.Length * p.SamplePeriodS).ToString("0.#", CultureInfo.InvariantCulture),
            (p.Steady.Length * p.SamplePeriodS).ToString("0.#", CultureInfo.InvariantCulture),
            p.SteadyMeanFraction.ToString("F3", CultureInfo.InvariantCulture),
        }));
        WriteTable(output, trainingRows);
    }

    private static void WriteTable(TextWriter output, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
            output.WriteLine("  " + string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))));
    }
}
