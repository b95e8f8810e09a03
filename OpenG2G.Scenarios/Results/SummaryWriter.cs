using System.Text.Json;
using OpenG2G.Scenarios.Results.Summary;

namespace OpenG2G.Scenarios.Results;

/// <summary>
/// Writes <c>summary.json</c> from <see cref="SummaryFields"/>: <c>scenario</c>, then objects <c>voltage</c>
/// (with <c>excluded_buses</c>), <c>service</c> (with <c>models</c>), <c>datacenter</c>, <c>training</c> (with
/// <c>jobs</c>) and <c>run</c>, so <c>voltage.violation_time_s</c> is <c>summary["voltage"]["violation_time_s"]</c>.
/// Keys in fixed order, numbers in shortest round-trip form, NaN as null: identical runs give identical files
/// except <c>run.wall_time_s</c>.
/// </summary>
public static class SummaryWriter
{
    public const string FileName = "summary.json";

    public static void Write(string path, RunSummary s)
    {
        using var stream = File.Create(path);
        Write(stream, s);
    }

    /// <summary>The text of <c>summary.json</c> (as <see cref="Write(string, RunSummary)"/> writes it) into <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, RunSummary s)
    {
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            string group = string.Empty;
            foreach (SummaryField<RunSummary> field in SummaryFields.Run)
            {
                if (field.Group != group)
                {
                    if (group.Length > 0)
                        EndGroup(w, group, s);
                    group = field.Group;
                    w.WriteStartObject(group);
                }
                Value(w, field.Key, field.Get(s));
            }
            if (group.Length > 0)
                EndGroup(w, group, s);
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    /// <summary>The lists a group carries after its scalars, then the group's end.</summary>
    private static void EndGroup(Utf8JsonWriter w, string group, RunSummary s)
    {
        switch (group)
        {
            case "voltage":
                w.WriteStartArray("excluded_buses");
                foreach (string b in s.ExcludedBuses)
                    w.WriteStringValue(b);
                w.WriteEndArray();
                break;
            case "service":
                Objects(w, "models", s.Service.Models, SummaryFields.Model);
                break;
            case "training":
                Objects(w, "jobs", s.Training.Jobs, SummaryFields.Job);
                break;
        }
        w.WriteEndObject();
    }

    private static void Objects<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, IReadOnlyList<SummaryField<T>> fields)
    {
        w.WriteStartArray(name);
        foreach (T item in items)
        {
            w.WriteStartObject();
            foreach (SummaryField<T> field in fields)
                Value(w, field.Key, field.Get(item));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Value(Utf8JsonWriter w, string name, SummaryValue v)
    {
        switch (v.Type)
        {
            case SummaryValueType.Number when double.IsFinite(v.Number):
                w.WriteNumber(name, v.Number);
                break;
            case SummaryValueType.Whole:
                w.WriteNumber(name, v.Whole);
                break;
            case SummaryValueType.Flag:
                w.WriteBoolean(name, v.Flag);
                break;
            case SummaryValueType.Text when v.Text is not null:
                w.WriteString(name, v.Text);
                break;
            default:
                w.WriteNull(name);
                break;
        }
    }
}
