using System.Buffers.Binary;
using System.Text;

namespace OpenG2G.Learning.Serving;

/// <summary>
/// Frames over a pair of streams (pipes or a socket): reads whole frame bodies into a reused buffer and
/// writes replies built in a reused buffer with one write each. Not thread-safe.
/// </summary>
public sealed class FrameChannel
{
    private readonly Stream _input;
    private readonly Stream _output;
    private byte[] _in = new byte[4096];
    private byte[] _out = new byte[4096];
    private int _outLength;

    public FrameChannel(Stream input, Stream output)
    {
        _input = input;
        _output = output;
    }

    /// <summary>
    /// The next frame's body, or null at the end of the input (also when it ends inside a frame). Throws
    /// <see cref="ProtocolException"/> for a length of 0 or above <see cref="Protocol.MaxFrameBytes"/>: the stream
    /// cannot be followed after that, so the caller replies and ends the connection.
    /// </summary>
    public ReadOnlyMemory<byte>? Read()
    {
        Span<byte> header = stackalloc byte[4];
        if (!Fill(header))
            return null;
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(header);
        if (length == 0 || length > Protocol.MaxFrameBytes)
            throw new ProtocolException(ErrorCode.Malformed, $"frame length {length} is outside 1..{Protocol.MaxFrameBytes} bytes; closing the connection");
        if (_in.Length < length)
            _in = new byte[Math.Max(length, _in.Length * 2)];
        return Fill(_in.AsSpan(0, (int)length)) ? _in.AsMemory(0, (int)length) : null;
    }

    private bool Fill(Span<byte> target)
    {
        int done = 0;
        while (done < target.Length)
        {
            int n = _input.Read(target[done..]);
            if (n == 0)
                return false;
            done += n;
        }
        return true;
    }

    /// <summary>Start a reply of <paramref name="type"/>; add its payload with the Put methods, then <see cref="Send"/>.</summary>
    public void Begin(MessageType type)
    {
        _outLength = 4;
        Reserve(1)[0] = (byte)type;
    }

    public void PutUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);

    public void PutBytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    /// <summary>uint32 byte count, then the UTF-8 bytes of <paramref name="text"/>.</summary>
    public void PutText(string text)
    {
        int n = Encoding.UTF8.GetByteCount(text);
        PutUInt32((uint)n);
        Encoding.UTF8.GetBytes(text, Reserve(n));
    }

    /// <summary>Room for <paramref name="bytes"/> more payload bytes, to be written by the caller.</summary>
    public Span<byte> Reserve(int bytes)
    {
        if (_outLength + bytes > _out.Length)
            Array.Resize(ref _out, Math.Max(_outLength + bytes, _out.Length * 2));
        Span<byte> s = _out.AsSpan(_outLength, bytes);
        _outLength += bytes;
        return s;
    }

    public void Send()
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_out, (uint)(_outLength - 4));
        _output.Write(_out, 0, _outLength);
        _output.Flush();
    }

    public void SendError(ErrorCode code, string message)
    {
        Begin(MessageType.Error);
        PutUInt32((uint)code);
        PutText(message);
        Send();
    }
}
