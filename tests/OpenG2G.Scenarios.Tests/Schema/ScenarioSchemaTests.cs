using System.Text.Json.Nodes;
using OpenG2G.Scenarios.Schema;
using OpenG2G.Scenarios.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace OpenG2G.Scenarios.Tests.Schema;

public class ScenarioSchemaTests
{
    private static string CheckedIn => Path.Combine(Repo.Root, "schema", "scenario.schema.json");

    [Fact]
    public void The_checked_in_schema_is_what_the_code_generates()
    {
        string generated = ScenarioSchema.Generate(BuiltInComponents.CreateRegistry());
        Assert.True(File.ReadAllText(CheckedIn) == generated,
            "schema/scenario.schema.json is stale; regenerate it with: dotnet run -c Release --project OpenG2G.Cli -- schema > schema/scenario.schema.json");
    }

    [Fact]
    public void Every_key_of_the_shipped_scenarios_is_declared_by_the_schema()
    {
        JsonNode schema = JsonNode.Parse(File.ReadAllText(CheckedIn))!;
        foreach (string file in Directory.GetFiles(Path.Combine(Repo.Root, "scenarios"), "*.yaml", SearchOption.AllDirectories))
        {
            // scenarios/sweeps/*.yaml are sweep files (their own schema); the scenarios they use live in subfolders.
            if (Path.GetDirectoryName(file) == Path.Combine(Repo.Root, "scenarios", "sweeps"))
                continue;
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(file)));
            var top = (YamlMappingNode)yaml.Documents[0].RootNode;
            // Training files (a base `scenario`) and evaluation files (`cases`) live beside the scenarios but are not scenarios.
            if (top.Children.ContainsKey(new YamlScalarNode("scenario")) || top.Children.ContainsKey(new YamlScalarNode("cases")))
                continue;
            var missing = new List<string>();
            Walk(schema, schema, top, "", missing);
            Assert.True(missing.Count == 0, $"{file}: keys the schema does not declare: {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void The_checked_in_sweep_schema_is_what_the_code_generates_and_declares_every_key_of_the_shipped_sweeps()
    {
        string file = Path.Combine(Repo.Root, "schema", "sweep.schema.json");
        Assert.True(File.ReadAllText(file) == ScenarioSchema.GenerateSweep(),
            "schema/sweep.schema.json is stale; regenerate it with: dotnet run -c Release --project OpenG2G.Cli -- schema --sweep > schema/sweep.schema.json");
        JsonNode schema = JsonNode.Parse(File.ReadAllText(file))!;
        string[] sweeps = Directory.GetFiles(Path.Combine(Repo.Root, "scenarios", "sweeps"), "*.yaml");
        Assert.NotEmpty(sweeps);
        foreach (string sweep in sweeps)
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(sweep)));
            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            var missing = new List<string>();
            // The set mapping holds scenario paths, checked by the scenario loader, not by this schema.
            root.Children.Remove(new YamlScalarNode("set"));
            Walk(schema, schema, root, "", missing);
            Assert.True(missing.Count == 0, $"{sweep}: keys the sweep schema does not declare: {string.Join(", ", missing)}");
        }
    }

    /// <summary>Follow the YAML through the schema: properties, $ref, array items, and the oneOf variant whose type const matches.</summary>
    private static void Walk(JsonNode root, JsonNode schema, YamlNode node, string path, List<string> missing)
    {
        schema = Resolve(root, schema);
        if (schema["oneOf"] is JsonArray variants && node is YamlMappingNode typed)
        {
            string type = ((YamlScalarNode)typed.Children[new YamlScalarNode("type")]).Value!;
            schema = variants.First(v => v!["properties"]!["type"]!["const"]!.GetValue<string>() == type)!;
        }
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    string key = ((YamlScalarNode)k).Value!;
                    JsonNode? property = schema["properties"]?[key];
                    if (property is null)
                        missing.Add(path + key);
                    else
                        Walk(root, property, v, path + key + ".", missing);
                }
                break;
            case YamlSequenceNode seq:
                foreach (YamlNode item in seq.Children)
                    Walk(root, schema["items"] ?? schema, item, path, missing);
                break;
        }
    }

    private static JsonNode Resolve(JsonNode root, JsonNode schema)
    {
        if (schema["$ref"] is JsonNode r)
            return root["$defs"]![r.GetValue<string>().Replace("#/$defs/", "", StringComparison.Ordinal)]!;
        if (schema["anyOf"] is JsonArray any)
            return Resolve(root, any[0]!);
        return schema;
    }

    [Fact]
    public void Every_key_carries_a_description_for_editors()
    {
        // Descriptions come from the options records' XML documentation; a new option without a
        // <summary> shows up here by its path.
        JsonNode schema = JsonNode.Parse(File.ReadAllText(CheckedIn))!;
        var undocumented = new List<string>();
        Describe(schema, "", undocumented);
        Assert.True(undocumented.Count == 0, "keys without a description: " + string.Join(", ", undocumented));
        Assert.Equal(
            "Setpoint in pu. Default (null): 0.955 for minimum, bus and zone; 1.045 for maximum.",
            schema["properties"]!["controllers"]!["items"]!["oneOf"]!.AsArray()
                .Single(v => v!["properties"]!["type"]!["const"]!.GetValue<string>() == "pid")!["properties"]!["setpoint_pu"]!["description"]!.GetValue<string>());
    }

    private static void Describe(JsonNode? node, string path, List<string> undocumented)
    {
        if (node is JsonObject obj)
        {
            if (obj["properties"] is JsonObject properties)
            {
                foreach (var (key, value) in properties)
                {
                    if (key != "type" && string.IsNullOrWhiteSpace(value?["description"]?.GetValue<string>()))
                        undocumented.Add(path + key);
                }
            }
            foreach (var (key, value) in obj)
                Describe(value, key == "properties" ? path : path + key + "/", undocumented);
        }
        else if (node is JsonArray array)
        {
            for (int i = 0; i < array.Count; i++)
                Describe(array[i], path + i + "/", undocumented);
        }
    }

    [Fact]
    public void Each_registered_controller_is_a_variant_with_its_options()
    {
        JsonNode schema = JsonNode.Parse(File.ReadAllText(CheckedIn))!;
        var variants = schema["properties"]!["controllers"]!["items"]!["oneOf"]!.AsArray();
        Assert.Equal(BuiltInComponents.CreateRegistry().TypeNames(Core.Composition.ComponentKind.Controller),
            variants.Select(v => v!["properties"]!["type"]!["const"]!.GetValue<string>()).ToList());
        JsonNode ofo = variants.Single(v => v!["properties"]!["type"]!["const"]!.GetValue<string>() == "ofo")!;
        // The OFO defaults are the published IEEE 13 settings (docs/controllers.md).
        Assert.Equal(0.1, ofo["properties"]!["primal_step_size"]!["default"]!.GetValue<double>());
        Assert.Equal(1e6, ofo["properties"]!["voltage_gradient_scale"]!["default"]!.GetValue<double>());
        Assert.False(ofo["additionalProperties"]!.GetValue<bool>());
    }
}
