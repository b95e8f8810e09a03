using System.Buffers.Binary;
using System.Text;

namespace OpenG2G.Learning.Serving;

/// <summary>Reads a request's payload field by field; a field past the end is a <see cref="ErrorCode.Malformed"/> request naming it.</summary>
internal ref struct PayloadReader(ReadOnlySpan<byte> payload, string message)
{
    private ReadOnlySpan<byte> _rest = payload;

    public readonly int Remaining => _rest.Length;

    public uint UInt32(string field) => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, field));

    public ulong UInt64(string field) => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, field));

    public string Text(string field)
    {
        uint n = UInt32(field + " length");
        if (n > _rest.Length)
            throw Short(field, n);
        ReadOnlySpan<byte> bytes = Take((int)n, field);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ProtocolException(ErrorCode.Malformed, $"{message}: {field} is not valid UTF-8");
        }
    }

    public ReadOnlySpan<byte> Take(int bytes, string field)
    {
        if (bytes > _rest.Length)
            throw Short(field, (uint)bytes);
        ReadOnlySpan<byte> s = _rest[..bytes];
        _rest = _rest[bytes..];
        return s;
    }

    /// <summary>Throws when bytes are left over: a payload longer than its fields is as malformed as a short one.</summary>
    public readonly void End()
    {
        if (_rest.Length > 0)
            throw new ProtocolException(ErrorCode.Malformed, $"{message}: {_rest.Length} bytes after the last field");
    }

    private readonly ProtocolException Short(string field, uint bytes) =>
        new(ErrorCode.Malformed, $"{message}: {field} needs {bytes} bytes, {_rest.Length} are left in the frame");
}
