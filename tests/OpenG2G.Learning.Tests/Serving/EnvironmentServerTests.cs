using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using OpenG2G.Core.Randomness;
using OpenG2G.Learning.Environment;
using OpenG2G.Learning.Serving;
using OpenG2G.Learning.Tests.Support;

namespace OpenG2G.Learning.Tests.Serving;

/// <summary>
/// The server's protocol in-process, without Python: a scripted client's frames in, the replies read back
/// field by field as docs/python.md lays them out, compared with the same environment stepped directly.
/// </summary>
public class EnvironmentServerTests
{
    private static readonly string[] Shortened = ["duration_s=20", "grid.source_pu=0.97"];

    private static EnvironmentSettings Settings => new(Repo.Ieee13Baseline, Shortened, new AgentOptions(), new RewardOptions());

    private static byte[] Frame(byte type, params byte[][] parts)
    {
        byte[] body = [type, .. parts.SelectMany(p => p)];
        var frame = new byte[4 + body.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)body.Length);
        body.CopyTo(frame, 4);
        return frame;
    }

    private static byte[] U32(uint v) => BitConverter.GetBytes(v);

    private static byte[] Hello(uint version) => Frame(0x01, "OG2G"u8.ToArray(), U32(version));

    private static byte[] Reset(params (uint Index, ulong Seed, string Overrides)[] entries) =>
        Frame(0x02, [U32((uint)entries.Length), .. entries.SelectMany(e => new[] { U32(e.Index), BitConverter.GetBytes(e.Seed), U32((uint)Encoding.UTF8.GetByteCount(e.Overrides)), Encoding.UTF8.GetBytes(e.Overrides) })]);

    private static byte[] Step(int[] actions) => Frame(0x03, MemoryMarshal.AsBytes(actions.AsSpan()).ToArray());

    /// <summary>Run the server over the requests; returns the replies (type, payload) and how it ended.</summary>
    private static (List<(byte Type, byte[] Payload)> Replies, EnvironmentServer.Ending Ending) Serve(int count, params byte[][] requests)
    {
        var server = new EnvironmentServer(() => new GridEnvironment(Settings), count, workers: 2);
        using var input = new MemoryStream(requests.SelectMany(r => r).ToArray());
        using var output = new MemoryStream();
        EnvironmentServer.Ending ending = server.Serve(input, output);
        var replies = new List<(byte, byte[])>();
        byte[] all = output.ToArray();
        for (int at = 0; at < all.Length;)
        {
            int n = (int)BinaryPrimitives.ReadUInt32LittleEndian(all.AsSpan(at));
            replies.Add((all[at + 4], all[(at + 5)..(at + 4 + n)]));
            at += 4 + n;
        }
        return (replies, ending);
    }

    private static (uint Code, string Message) Error((byte Type, byte[] Payload) reply)
    {
        Assert.Equal(0xFF, reply.Type);
        uint n = BinaryPrimitives.ReadUInt32LittleEndian(reply.Payload.AsSpan(4));
        return (BinaryPrimitives.ReadUInt32LittleEndian(reply.Payload), Encoding.UTF8.GetString(reply.Payload, 8, (int)n));
    }

    [Fact]
    public void A_batched_step_gives_each_environment_what_it_gives_alone_and_bad_requests_get_errors()
    {
        var direct = new GridEnvironment(Settings);
        int d = direct.Spaces.Observation.Size, a = direct.Spaces.Action.Size;
        var random = new SimRandom(8);
        int[] actions = Enumerable.Range(0, 2 * a).Select(_ => random.NextInt(3)).ToArray();
        int[] bad = Enumerable.Repeat(1, 2 * a).ToArray();
        bad[a + 1] = 3;

        var (replies, ending) = Serve(2,
            Step(actions), Hello(1), Step(actions), Reset((0, 5, ""), (1, 6, "")), Frame(0x77), Step(bad), Step(actions[..3]),
            Step(actions), Reset((1, 6, "duration_s=x")), Frame(0x04));

        Assert.Equal(EnvironmentServer.Ending.Closed, ending);
        Assert.Equal(10, replies.Count);
        Assert.Equal((5u, "the first message must be a hello (type 0x01), got type 0x03"), Error(replies[0]));
        Assert.Equal(0x81, replies[1].Type);
        uint[] hello = MemoryMarshal.Cast<byte, uint>(replies[1].Payload.AsSpan(0, 28)).ToArray();
        Assert.Equal(new uint[] { 1, 2, (uint)d, (uint)a, 20, 8 }, hello[..6]);
        Assert.Equal((5u, "step: environment 0 needs a reset (its episode ended, failed or never started); nothing was stepped"), Error(replies[2]));
        Assert.Equal(0x82, replies[3].Type);
        Assert.Equal((1u, "unknown message type 0x77; requests are hello 0x01, reset 0x02, step 0x03, close 0x04"), Error(replies[4]));
        Assert.Equal((3u, $"step: environment 1, action dimension 1 '{direct.Spaces.Action.Names[1]}' takes 0..2, got 3; nothing was stepped"), Error(replies[5]));
        Assert.Equal((1u, $"step: expected 2 x {a} int32 actions ({8 * a} bytes), got 12 bytes"), Error(replies[6]));
        Assert.Equal(0x83, replies[7].Type);
        (uint code, string message) = Error(replies[8]);
        Assert.Equal(4u, code);
        Assert.StartsWith("reset failed; every environment of the request needs a new reset: environment 1: ", message, StringComparison.Ordinal);
        Assert.Contains("duration_s", message, StringComparison.Ordinal);
        Assert.Equal(0x84, replies[9].Type);

        // Environment 1 (seed 6) of the reply against a direct environment with its seed and actions.
        var first = new float[d];
        direct.Reset(6, first);
        float[] reset = MemoryMarshal.Cast<byte, float>(replies[3].Payload.AsSpan(4)).ToArray();
        Assert.Equal(first, reset[d..]);
        var next = new float[d];
        StepOutcome outcome = direct.Step(actions.AsSpan(a, a), next);
        byte[] step = replies[7].Payload;
        Assert.Equal(next, MemoryMarshal.Cast<byte, float>(step.AsSpan(0, 8 * d)).ToArray()[d..]);
        Assert.Equal(outcome.Reward, BitConverter.ToDouble(step, 8 * d + 8));
        int flags = 8 * d + 16;
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0 }, step[flags..(flags + 6)]);
        double[] info = MemoryMarshal.Cast<byte, double>(step.AsSpan(flags + 6, 2 * 8 * 8)).ToArray();
        StepInfo s = direct.LastInfo!;
        Assert.Equal(new[] { s.TimeS, s.ViolationIntegralPuS, s.ViolationSquaredPu2, s.MinVoltagePu, s.MeasuredThroughputTokensPerS, s.LatencyExcess, s.Switches, s.Reward }, info[8..]);
        Assert.Equal(new byte[8], step[(flags + 6 + 128)..]);
    }

    [Fact]
    public void A_client_of_another_version_is_told_both_versions()
    {
        var (replies, ending) = Serve(1, Hello(2));

        Assert.Equal(EnvironmentServer.Ending.Disconnected, ending);
        Assert.Equal((2u, "protocol version mismatch: the client speaks version 2, this server (openg2g env serve) speaks version 1; use a client and an openg2g of the same release"), Error(Assert.Single(replies)));
    }
}
