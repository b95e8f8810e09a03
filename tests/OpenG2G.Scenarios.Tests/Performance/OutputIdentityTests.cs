using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Running;
using OpenG2G.Scenarios.Tests.Support;

namespace OpenG2G.Scenarios.Tests.Performance;

/// <summary>
/// Performance work (issue 17) must not change results: shipped scenarios, some shortened, write the
/// same bytes as they did before it. The pinned SHA-256 of every Parquet file and of summary.json
/// (without <c>run.wall_time_s</c> and <c>run.version</c>, which measure the machine and name the
/// build) were produced by this test run against the code at commit 7284ddc, before any optimisation;
/// a change that is meant to change results (the noise draw) re-pins them in its own commit and says so.
/// </summary>
public class OutputIdentityTests
{
    public static TheoryData<string, string, string[]> Cases => new()
    {
        { "ieee13-ofo-full", "scenarios/ieee13/ofo.yaml", [] },
        { "ieee13-mpc", "scenarios/ieee13/mpc.yaml", ["duration_s=120"] },
        { "ieee13-pid-power-cap", "scenarios/ieee13/pid-power-cap.yaml", ["duration_s=1060"] },
        { "ieee13-rl", "scenarios/ieee13/rl.yaml", ["duration_s=300"] },
        { "ieee13-rule-based", "scenarios/ieee13/rule-based.yaml", ["duration_s=300", "grid.source_pu=0.97"] },
        { "ieee13-tap-schedule", "scenarios/ieee13/tap-schedule.yaml", ["duration_s=300"] },
        { "ieee13-ofo-delay", "scenarios/ieee13/ofo-delay.yaml", ["duration_s=120"] },
        { "ieee34-pv-battery-ofo", "scenarios/ieee34/pv-battery-ofo.yaml", ["duration_s=120"] },
        { "ieee123-ofo", "scenarios/ieee123/ofo.yaml", ["duration_s=60"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Outputs_have_the_bytes_they_had_before_the_performance_work(string label, string scenario, string[] overrides)
    {
        string directory = Path.Combine(Path.GetTempPath(), "openg2g-identity-" + Guid.NewGuid().ToString("N"));
        try
        {
            RunOutcome outcome = ScenarioRunner.Run(new RunRequest
            {
                ScenarioPath = Path.Combine(Repo.Root, scenario),
                OutputDirectory = directory,
                Overrides = overrides,
                Plots = false,
            });
            var actual = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (string f in outcome.Files.Where(f => f.EndsWith(".parquet", StringComparison.Ordinal)))
                actual[f] = Hash(File.ReadAllBytes(Path.Combine(directory, f)));
            actual[SummaryWriter.FileName] = Hash(System.Text.Encoding.UTF8.GetBytes(SummaryWithoutMachine(Path.Combine(directory, SummaryWriter.FileName))));

            string listing = string.Join("\n", actual.Select(kv => $"{kv.Key} {kv.Value}"));
            Assert.True(PinnedHashes.ContainsKey(label), $"no pinned hashes for {label}; this run gives:\n{listing}");
            Assert.Equal(PinnedHashes[label], listing);
        }
        finally
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant()[..16];

    private static string SummaryWithoutMachine(string path)
    {
        JsonNode node = JsonNode.Parse(File.ReadAllText(path))!;
        JsonObject run = node["run"]!.AsObject();
        Assert.True(run.Remove("wall_time_s"), "summary.json must report run.wall_time_s");
        Assert.True(run.Remove("version"), "summary.json must report run.version");
        return node.ToJsonString();
    }

    private static readonly Dictionary<string, string> PinnedHashes = new(StringComparer.Ordinal)
    {
        ["ieee13-ofo-full"] = string.Join("\n",
            "attachments.parquet 2905320f9ea83cc5",
            "bus_voltages.parquet b4c52eb9c10df318",
            "commands.parquet 656b35224f6f85fa",
            "datacenter_models.parquet 98e8eeccd3c55836",
            "datacenter_power.parquet bb136bb3f27511d7",
            "datacenter_training.parquet 0c1dd690940eb901",
            "events.parquet 90b83bcd6d0272d4",
            "grid.parquet cccd41c6d0000f62",
            "summary.json cedd72783bb3fedd",
            "taps.parquet 7907568061675e28"),
        ["ieee13-mpc"] = string.Join("\n",
            "attachments.parquet c9801a5102b661b4",
            "bus_voltages.parquet 94bc6131cd5f70dd",
            "commands.parquet 87c58b757426dc33",
            "datacenter_models.parquet b0806720d7838c24",
            "datacenter_power.parquet 759148eb2f22329a",
            "datacenter_training.parquet e430c0a4f8b6d9a7",
            "events.parquet 90b83bcd6d0272d4",
            "grid.parquet a069c7d71921d67d",
            "summary.json 3586d603c76ccadb",
            "taps.parquet 7907568061675e28"),
        ["ieee13-pid-power-cap"] = string.Join("\n",
            "attachments.parquet 38a8b90ec3f8ddaf",
            "bus_voltages.parquet a20db7c188ab653b",
            "commands.parquet 84149649b7149c0f",
            "datacenter_models.parquet c730e03738898685",
            "datacenter_power.parquet 79d297cdceb5b415",
            "datacenter_training.parquet 8c0b2ecdaee248e6",
            "events.parquet 90b83bcd6d0272d4",
            "grid.parquet cd038c8beea7bfc9",
            "summary.json 9683dc6c25155443",
            "taps.parquet 7907568061675e28"),
        ["ieee13-rl"] = string.Join("\n",
            "attachments.parquet df89f108c5f6f530",
            "bus_voltages.parquet adcff10d3d762d32",
            "commands.parquet 50ccff77821b4980",
            "datacenter_models.parquet c7f992f6ae8bfedb",
            "datacenter_power.parquet 35e380b3a8c9e4dd",
            "datacenter_training.parquet e430c0a4f8b6d9a7",
            "events.parquet 90b83bcd6d0272d4",
            "grid.parquet 76c5174286cb55fa",
            "summary.json 73890448cfe748fa",
            "taps.parquet 7907568061675e28"),
        ["ieee13-rule-based"] = string.Join("\n",
            "attachments.parquet 913a364f9c492a5a",
            "bus_voltages.parquet 1620c52f11594fb5",
            "commands.parquet 9b1b18e549afc7a6",
            "datacenter_models.parquet 2b6959a2a35c896e",
            "datacenter_power.parquet b7c7423050e1e212",
            "datacenter_training.parquet e430c0a4f8b6d9a7",
            "events.parquet 90b83bcd6d0272d4",
            "grid.parquet d3f4f8998a5f42be",
            "summary.json fe11079f58c6412d",
            "taps.parquet 7907568061675e28"),
        ["ieee13-tap-schedule"] = string.Join("\n",
            "attachments.parquet 2ce78bc653170044",
            "bus_voltages.parquet c50561c3e1d4e2fa",
            "commands.parquet 758416b8711c014b",
            "datacenter_models.parquet 0582d3b0043a3658",
            "datacenter_power.parquet c056e047972beea5",
            "datacenter_training.parquet e430c0a4f8b6d9a7",
            "events.parquet 90b83bcd6d0272d4",
            "grid.parquet 13c9084fc989d981",
            "summary.json 95beb269a0b1586f",
            "taps.parquet 7907568061675e28"),
        ["ieee13-ofo-delay"] = string.Join("\n",
            "attachments.parquet 2fb0acc5892703aa",
            "bus_voltages.parquet be420e752fabdde5",
            "commands.parquet 1db1903d4d1c07de",
            "datacenter_models.parquet 6b1743ed06f76941",
            "datacenter_power.parquet 6f73c4cda451bb59",
            "datacenter_training.parquet e430c0a4f8b6d9a7",
            "events.parquet 90b83bcd6d0272d4",
            "grid.parquet 5ac81c052df79d04",
            "summary.json 61afcb94a1164eb1",
            "taps.parquet 7907568061675e28"),
        ["ieee34-pv-battery-ofo"] = string.Join("\n",
            "attachments.parquet 9defdf2de13573dd",
            "bus_voltages.parquet 7e6cdc35b4786cec",
            "commands.parquet d1414cd16fb200b4",
            "datacenter_models.parquet b4a9a023d71bfc2e",
            "datacenter_power.parquet 3825d4392579b8dd",
            "datacenter_training.parquet e430c0a4f8b6d9a7",
            "events.parquet 90b83bcd6d0272d4",
            "grid.parquet 26c3e46ea55633c1",
            "summary.json 57343627e319b956",
            "taps.parquet aa43067d572a1161"),
        ["ieee123-ofo"] = string.Join("\n",
            "attachments.parquet 874225f945dc5755",
            "bus_voltages.parquet 4f9c622e4c1f78d2",
            "commands.parquet 49dc6b0688df0604",
            "datacenter_models.parquet cbb5a9231c2437a6",
            "datacenter_power.parquet c96bde53aa4ab18f",
            "datacenter_training.parquet e430c0a4f8b6d9a7",
            "events.parquet 90b83bcd6d0272d4",
            "grid.parquet 101c1ee36fee424c",
            "summary.json 511c36361d5589a9",
            "taps.parquet 8a6ebefda60cace0"),
    };
}
