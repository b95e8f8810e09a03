using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenG2G.Controllers.Rl;

/// <summary>Writes a <see cref="PolicyFile"/>: keys in fixed order, floats in shortest round-trip form, infinity as null.</summary>
internal static class PolicyFileWriter
{
    public static void Write(string path, PolicyFile p)
    {
        using var stream = File.Create(path);
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", PolicyFile.Format);
            w.WriteNumber("version", PolicyFile.CurrentVersion);
            w.WriteStartObject("provenance");
            foreach (var (key, value) in p.Provenance)
                w.WriteString(key, value);
            w.WriteEndObject();
            w.WriteStartObject("observation_options");
            w.WriteBoolean("bus_voltages", p.Observation.BusVoltages);
            w.WriteNumber("v_min_pu", p.Observation.VMinPu);
            w.WriteNumber("v_max_pu", p.Observation.VMaxPu);
            w.WriteNumber("itl_ratio_cap", p.Observation.ItlRatioCap);
            w.WriteEndObject();
            WriteSpaces(w, p.Spaces);
            w.WriteStartObject("normalisation");
            Floats(w, "mean", p.ObservationMean);
            Floats(w, "std", p.ObservationStd);
            w.WriteNumber("clip", p.ObservationClip);
            w.WriteEndObject();
            w.WriteStartObject("network");
            w.WriteString("activation", "tanh");
            w.WriteStartArray("sizes");
            foreach (int s in p.LayerSizes)
                w.WriteNumberValue(s);
            w.WriteEndArray();
            w.WriteString("parameters_float32_le_base64", Base64(p.Parameters));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    /// <summary>The spaces as a JSON object <c>{observation: {names, low, high}, action: {names, sizes}}</c>.</summary>
    public static void WriteSpaces(Utf8JsonWriter w, RlSpaces spaces)
    {
        w.WriteStartObject("spaces");
        w.WriteStartObject("observation");
        w.WriteString("type", "box");
        w.WriteString("dtype", "float32");
        Strings(w, "names", spaces.Observation.Names);
        Floats(w, "low", spaces.Observation.Low);
        Floats(w, "high", spaces.Observation.High);
        w.WriteEndObject();
        w.WriteStartObject("action");
        w.WriteString("type", "multi_discrete");
        w.WriteString("dtype", "int32");
        Strings(w, "names", spaces.Action.Names);
        w.WriteStartArray("sizes");
        foreach (int s in spaces.Action.Sizes)
            w.WriteNumberValue(s);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, ImmutableArray<string> values)
    {
        w.WriteStartArray(name);
        foreach (string s in values)
            w.WriteStringValue(s);
        w.WriteEndArray();
    }

    private static void Floats(Utf8JsonWriter w, string name, ImmutableArray<float> values)
    {
        w.WriteStartArray(name);
        foreach (float f in values)
        {
            if (float.IsFinite(f))
                w.WriteNumberValue(f);
            else
                w.WriteNullValue();
        }
        w.WriteEndArray();
    }

    private static string Base64(ImmutableArray<float> values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        return Convert.ToBase64String(bytes);
    }
}
