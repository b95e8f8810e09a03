using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Controllers.Rl;

/// <summary>
/// Reads a <see cref="PolicyFile"/>. JSON syntax errors carry the file's line and column; a missing key, a
/// value of the wrong type, another format or version, or sizes that do not fit together are reported
/// with the file name and the key's path (diagnostic path <c>policy</c>, so a scenario loader locates it at
/// the controller's <c>policy</c> option).
/// </summary>
internal static class PolicyFileReader
{
    public static PolicyFile Read(string path)
    {
        string name = Path.GetFileName(path);
        if (!File.Exists(path))
            throw Problem(name, "", $"policy file not found (looked for {Path.GetFullPath(path)})");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            var at = new SourceLocation(path, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
            throw new InvalidInputException(Diagnostic.Error(at, "", "a policy file is JSON: " + e.Message));
        }
        using (doc)
        {
            try
            {
                return Parse(doc.RootElement, name);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException)
            {
                throw Problem(name, "", e.Message);
            }
        }
    }

    private static PolicyFile Parse(JsonElement root, string name)
    {
        string format = Text(root, "format");
        if (format != PolicyFile.Format)
            throw Problem(name, "format", $"is '{format}', expected '{PolicyFile.Format}'");
        int version = Whole(root, "version");
        if (version != PolicyFile.CurrentVersion)
            throw Problem(name, "version", $"is {version}; this openg2g reads version {PolicyFile.CurrentVersion} policy files");
        JsonElement obs = Get(root, "observation_options"), norm = Get(root, "normalisation"), net = Get(root, "network");
        var options = new ObservationOptions
        {
            BusVoltages = Get(obs, "bus_voltages", "observation_options").GetBoolean(),
            VMinPu = Get(obs, "v_min_pu", "observation_options").GetDouble(),
            VMaxPu = Get(obs, "v_max_pu", "observation_options").GetDouble(),
            ItlRatioCap = Get(obs, "itl_ratio_cap", "observation_options").GetDouble(),
        };
        var provenance = Get(root, "provenance").EnumerateObject()
            .ToImmutableSortedDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal);
        var file = new PolicyFile(
            options,
            ReadSpaces(Get(root, "spaces")),
            FloatList(norm, "mean", "normalisation", float.NaN),
            FloatList(norm, "std", "normalisation", float.NaN),
            (float)Get(norm, "clip", "normalisation").GetDouble(),
            Get(net, "sizes", "network").EnumerateArray().Select(e => e.GetInt32()).ToImmutableArray(),
            Decode(Text(net, "parameters_float32_le_base64", "network")),
            provenance);
        string? problem = file.Problems().FirstOrDefault();
        if (problem is not null)
            throw Problem(name, "", problem);
        int expected = ParameterCount(file.LayerSizes);
        if (file.Parameters.Length != expected)
            throw Problem(name, "network", $"sizes [{string.Join(", ", file.LayerSizes)}] need {expected} parameters, the file has {file.Parameters.Length}");
        return file;
    }

    /// <summary>Read the <c>spaces</c> object (the layout <see cref="PolicyFileWriter.WriteSpaces"/> writes).</summary>
    public static RlSpaces ReadSpaces(JsonElement spaces)
    {
        JsonElement o = Get(spaces, "observation", "spaces"), a = Get(spaces, "action", "spaces");
        var box = new BoxSpace(
            Get(o, "names", "spaces.observation").EnumerateArray().Select(e => e.GetString() ?? "").ToImmutableArray(),
            FloatList(o, "low", "spaces.observation", float.NegativeInfinity),
            FloatList(o, "high", "spaces.observation", float.PositiveInfinity));
        if (box.Low.Length != box.Size || box.High.Length != box.Size)
            throw new FormatException($"spaces.observation: {box.Size} names but {box.Low.Length} lows and {box.High.Length} highs");
        var discrete = new MultiDiscreteSpace(
            Get(a, "names", "spaces.action").EnumerateArray().Select(e => e.GetString() ?? "").ToImmutableArray(),
            Get(a, "sizes", "spaces.action").EnumerateArray().Select(e => e.GetInt32()).ToImmutableArray());
        if (discrete.Sizes.Length != discrete.Size || discrete.Sizes.Any(s => s < 1))
            throw new FormatException($"spaces.action: needs one size >= 1 per name ({discrete.Size} names, sizes [{string.Join(", ", discrete.Sizes)}])");
        return new RlSpaces(box, discrete);
    }

    private static int ParameterCount(ImmutableArray<int> sizes)
    {
        int n = 0;
        for (int l = 0; l + 1 < sizes.Length; l++)
            n += sizes[l] * sizes[l + 1] + sizes[l + 1];
        return n;
    }

    private static ImmutableArray<float> FloatList(JsonElement e, string key, string parent, float nullMeans) =>
        Get(e, key, parent).EnumerateArray()
            .Select(x => x.ValueKind == JsonValueKind.Null ? nullMeans : (float)x.GetDouble())
            .ToImmutableArray();

    private static ImmutableArray<float> Decode(string base64)
    {
        byte[] bytes = Convert.FromBase64String(base64);
        if (bytes.Length % 4 != 0)
            throw new FormatException("network.parameters_float32_le_base64: not a whole number of float32 values");
        var values = new float[bytes.Length / 4];
        for (int i = 0; i < values.Length; i++)
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
        return values.ToImmutableArray();
    }

    private static JsonElement Get(JsonElement e, string key, string parent = "")
    {
        string path = parent.Length == 0 ? key : parent + "." + key;
        if (e.ValueKind != JsonValueKind.Object)
            throw new FormatException($"{(parent.Length == 0 ? "the file" : parent)}: expected an object, got {e.ValueKind.ToString().ToLowerInvariant()}");
        return e.TryGetProperty(key, out JsonElement v) ? v : throw new FormatException($"{path}: missing");
    }

    private static string Text(JsonElement e, string key, string parent = "") =>
        Get(e, key, parent) is { ValueKind: JsonValueKind.String } v ? v.GetString()! : throw new FormatException($"{key}: expected a string");

    private static int Whole(JsonElement e, string key) =>
        Get(e, key) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out int n) ? n : throw new FormatException($"{key}: expected a whole number");

    private static InvalidInputException Problem(string file, string key, string message) =>
        new(Diagnostic.Error(SourceLocation.None, "policy", string.Create(CultureInfo.InvariantCulture, $"{file}: {(key.Length > 0 ? key + ": " : "")}{message}")));
}
