using System.Runtime.InteropServices;
using OpenG2G.Controllers.Rl;
using OpenG2G.Learning.Environment;

namespace OpenG2G.Learning.Serving;

/// <summary>
/// Hosts K environments of the same spaces behind the <see cref="Protocol"/>: a hello, resets with seeds and
/// scenario overrides, batched steps (all K in one request, stepped in parallel over <c>workers</c> threads)
/// and close. A request it cannot use gets an error reply and changes nothing; a simulation failure in one
/// environment is reported for that environment only (it then needs a reset). Environments are independent,
/// so results do not depend on the number of workers.
/// </summary>
public sealed partial class EnvironmentServer
{
    private readonly GridEnvironment[] _environments;
    private readonly bool[] _ready;
    private readonly ParallelOptions _parallel;
    private readonly int _observationSize;
    private readonly int _actionSize;
    private readonly float[] _observations;
    private readonly int[] _actions;
    private readonly StepOutcome[] _outcomes;
    private readonly string?[] _texts;
    private readonly bool[] _failed;
    private readonly double[] _info;

    /// <summary>
    /// Serve <paramref name="count"/> environments made by <paramref name="create"/>. A reset gives the episode its
    /// seed names whatever the environment played before: <see cref="GridEnvironment.Reset(ulong, Span{float})"/>
    /// builds new components for every episode (tests/OpenG2G.Learning.Tests/Environment/IndependentEnvironmentsTests.cs).
    /// </summary>
    public EnvironmentServer(Func<GridEnvironment> create, int count, int workers)
    {
        if (count < 1)
            throw new ArgumentException("the server needs at least one environment", nameof(count));
        var environments = new GridEnvironment[count];
        for (int i = 0; i < count; i++)
            environments[i] = create();
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("the environment server writes arrays as they are in memory and needs a little-endian machine");
        _environments = environments.ToArray();
        Spaces = _environments[0].Spaces;
        foreach (GridEnvironment e in _environments)
        {
            if (Spaces.FirstDifference(e.Spaces) is string d)
                throw new ArgumentException("the environments' spaces differ: " + d, nameof(environments));
        }
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = workers > 0 ? workers : System.Environment.ProcessorCount };
        int k = _environments.Length;
        _observationSize = Spaces.Observation.Size;
        _actionSize = Spaces.Action.Size;
        _ready = new bool[k];
        _observations = new float[k * _observationSize];
        _actions = new int[k * _actionSize];
        _outcomes = new StepOutcome[k];
        _texts = new string?[k];
        _failed = new bool[k];
        _info = new double[k * Protocol.InfoNames.Count];
    }

    public RlSpaces Spaces { get; }

    public int Count => _environments.Length;

    /// <summary>How a connection ended.</summary>
    public enum Ending
    {
        /// <summary>The client sent close (the server should exit).</summary>
        Closed,

        /// <summary>The input ended, or a frame could not be followed.</summary>
        Disconnected,
    }

    /// <summary>Serve one connection until close or the end of its input. A new connection starts again at hello.</summary>
    public Ending Serve(Stream input, Stream output)
    {
        var channel = new FrameChannel(input, output);
        bool greeted = false;
        while (true)
        {
            ReadOnlyMemory<byte>? frame;
            try
            {
                frame = channel.Read();
            }
            catch (ProtocolException e)
            {
                channel.SendError(e.Code, e.Message);
                return Ending.Disconnected;
            }
            if (frame is not { } body)
                return Ending.Disconnected;
            var type = (MessageType)body.Span[0];
            try
            {
                if (type == MessageType.Close)
                {
                    new PayloadReader(body.Span[1..], "close").End();
                    channel.Begin(MessageType.CloseOk);
                    channel.Send();
                    return Ending.Closed;
                }
                if (type == MessageType.Hello)
                {
                    Hello(body.Span[1..], channel);
                    greeted = true;
                    continue;
                }
                if (!greeted)
                    throw new ProtocolException(ErrorCode.State, $"the first message must be a hello (type 0x01), got type 0x{(byte)type:x2}");
                switch (type)
                {
                    case MessageType.Reset:
                        Reset(body.Span[1..], channel);
                        break;
                    case MessageType.Step:
                        Step(body.Span[1..], channel);
                        break;
                    default:
                        throw new ProtocolException(ErrorCode.Malformed, $"unknown message type 0x{(byte)type:x2}; requests are hello 0x01, reset 0x02, step 0x03, close 0x04");
                }
            }
            catch (ProtocolException e)
            {
                channel.SendError(e.Code, e.Message);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A bug, not the client's mistake: report it and keep serving; every environment needs a reset.
                Array.Clear(_ready);
                channel.SendError(ErrorCode.Internal, $"internal error ({e.GetType().Name}: {e.Message}); this is a bug, please report it; every environment needs a reset");
            }
        }
    }

    private void Hello(ReadOnlySpan<byte> payload, FrameChannel channel)
    {
        var r = new PayloadReader(payload, "hello");
        ReadOnlySpan<byte> magic = r.Take(4, "magic");
        if (!magic.SequenceEqual(Protocol.Magic))
            throw new ProtocolException(ErrorCode.Version, "hello: not an openg2g environment client (the magic bytes are not 'OG2G')");
        uint version = r.UInt32("version");
        r.End();
        if (version != Protocol.Version)
            throw new ProtocolException(ErrorCode.Version, $"protocol version mismatch: the client speaks version {version}, this server (openg2g env serve) speaks version {Protocol.Version}; use a client and an openg2g of the same release");
        channel.Begin(MessageType.HelloOk);
        channel.PutUInt32(Protocol.Version);
        channel.PutUInt32((uint)Count);
        channel.PutUInt32((uint)_observationSize);
        channel.PutUInt32((uint)_actionSize);
        channel.PutUInt32((uint)_environments[0].MaxEpisodeSteps);
        channel.PutUInt32((uint)Protocol.InfoNames.Count);
        channel.PutText(SpacesJson.Write(Spaces));
        channel.Send();
    }

    private static ReadOnlySpan<byte> Bytes<T>(ReadOnlySpan<T> values) where T : struct => MemoryMarshal.AsBytes(values);
}
