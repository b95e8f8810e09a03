using System.Text;
using System.Text.Json;

namespace OpenG2G.Controllers.Rl;

/// <summary>
/// The spaces as JSON, the form policy files, ONNX metadata (<see cref="OnnxPolicy.SpacesMetadataKey"/>)
/// and an environment server use: <c>{"spaces": {"observation": {"type": "box", "dtype": "float32",
/// "names": [...], "low": [...], "high": [...]}, "action": {"type": "multi_discrete", "dtype": "int32",
/// "names": [...], "sizes": [...]}}}</c>; an unbounded low or high is null.
/// </summary>
public static class SpacesJson
{
    public static string Write(RlSpaces spaces)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            PolicyFileWriter.WriteSpaces(w, spaces);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Read either <c>{"spaces": {...}}</c> or the inner object; throws <see cref="FormatException"/> or <see cref="JsonException"/> for bad text.</summary>
    public static RlSpaces Read(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        return PolicyFileReader.ReadSpaces(root.TryGetProperty("spaces", out JsonElement inner) ? inner : root);
    }
}
