using System.ComponentModel;
using System.Runtime.InteropServices;
using OpenG2G.Controllers.Rl;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Learning.Environment;
using OpenG2G.Learning.Serving;
using OpenG2G.Scenarios.Results;
using Spectre.Console.Cli;

namespace OpenG2G.Cli.Commands;

/// <summary>
/// <c>openg2g env play SCENARIO --actions FILE --out DIR</c>: one episode of the environment in this process
/// with a fixed action sequence (raw little-endian int32 [steps, action size]); writes what every step gave
/// as raw arrays, the same values <c>env serve</c> sends, so a client can check its bridge bit for bit:
/// <c>spaces.json</c>, <c>observations.f32</c> [steps + 1, obs] (the reset's first), <c>rewards.f64</c>
/// [steps], <c>info.f64</c> [steps, info], <c>flags.u8</c> [steps, 2] (terminated, truncated) and, when the
/// episode ended, <c>summary.json</c>. Stops when the actions or the episode run out.
/// </summary>
public sealed class EnvPlayCommand : Command<EnvPlayCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario YAML file; its controllers are replaced by the agent (docs/rl.md)")]
        public string Scenario { get; init; } = string.Empty;

        [CommandOption("--actions <FILE>", isRequired: true)]
        [Description("Raw little-endian int32 actions, one row of the action size per step")]
        public string Actions { get; init; } = string.Empty;

        [CommandOption("--out <DIR>", isRequired: true)]
        [Description("Folder for the step arrays and summary.json")]
        public string Out { get; init; } = string.Empty;

        [CommandOption("--seed <N>")]
        [Description("Episode seed (default 0)")]
        public ulong? Seed { get; init; }

        [CommandOption("--set <PATH=VALUE>")]
        [Description("Override a scenario key, e.g. duration_s=600 (repeatable)")]
        public string[] Set { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var env = new GridEnvironment(EnvCommands.Settings(settings.Scenario, settings.Set));
            RlSpaces spaces = env.Spaces;
            int[] actions = ReadActions(settings.Actions, spaces.Action.Size);
            int a = spaces.Action.Size;
            for (int i = 0; i < actions.Length; i++)
            {
                int size = spaces.Action.Sizes[i % a];
                if ((uint)actions[i] >= (uint)size)
                    throw Invalid(settings.Actions, $"step {i / a}, action dimension {i % a} '{spaces.Action.Names[i % a]}' takes 0..{size - 1}, got {actions[i]}");
            }
            int steps = actions.Length / a, d = spaces.Observation.Size;
            var observations = new List<float>();
            var rewards = new List<double>();
            var info = new List<double>();
            var flags = new List<byte>();
            var obs = new float[d];
            env.Reset(settings.Seed ?? 0, obs);
            observations.AddRange(obs);
            RunSummary? summary = null;
            for (int t = 0; t < steps && summary is null; t++)
            {
                StepOutcome o = env.Step(actions.AsSpan(t * a, a), obs);
                StepInfo s = env.LastInfo!;
                observations.AddRange(obs);
                rewards.Add(o.Reward);
                info.AddRange([s.TimeS, s.ViolationIntegralPuS, s.ViolationSquaredPu2, s.MinVoltagePu, s.MeasuredThroughputTokensPerS, s.LatencyExcess, s.Switches, s.Reward]);
                flags.Add(o.Terminated ? (byte)1 : (byte)0);
                flags.Add(o.Truncated ? (byte)1 : (byte)0);
                summary = o.Done ? s.Summary : null;
            }
            Directory.CreateDirectory(settings.Out);
            File.WriteAllText(Path.Combine(settings.Out, "spaces.json"), SpacesJson.Write(spaces));
            File.WriteAllBytes(Path.Combine(settings.Out, "observations.f32"), MemoryMarshal.AsBytes<float>(observations.ToArray()).ToArray());
            File.WriteAllBytes(Path.Combine(settings.Out, "rewards.f64"), MemoryMarshal.AsBytes<double>(rewards.ToArray()).ToArray());
            File.WriteAllBytes(Path.Combine(settings.Out, "info.f64"), MemoryMarshal.AsBytes<double>(info.ToArray()).ToArray());
            File.WriteAllBytes(Path.Combine(settings.Out, "flags.u8"), flags.ToArray());
            if (summary is not null)
                SummaryWriter.Write(Path.Combine(settings.Out, SummaryWriter.FileName), summary);
            Console.WriteLine($"played {rewards.Count} steps{(summary is not null ? " to the end of the episode" : "")}: {Path.GetFullPath(settings.Out)} (info columns: {string.Join(", ", Protocol.InfoNames)})");
            return ExitCodes.Ok;
        }
        catch (InvalidInputException e)
        {
            return Report.Invalid(e);
        }
        catch (SimulationException e)
        {
            return Report.Failed(e, null);
        }
    }

    private static int[] ReadActions(string path, int size)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Invalid(path, "cannot be read: " + e.Message);
        }
        if (bytes.Length == 0 || bytes.Length % (4 * size) != 0)
            throw Invalid(path, $"must hold whole rows of {size} int32 actions ({4 * size} bytes each), has {bytes.Length} bytes");
        return MemoryMarshal.Cast<byte, int>(bytes).ToArray();
    }

    private static InvalidInputException Invalid(string path, string message) =>
        new(Diagnostic.Error(new SourceLocation(path, 0, 0), "--actions", message));
}
