namespace OpenG2G.Learning.Serving;

/// <summary>A request the server refuses: becomes one <see cref="MessageType.Error"/> reply; the server keeps serving.</summary>
public sealed class ProtocolException(ErrorCode code, string message) : Exception(message)
{
    public ErrorCode Code { get; } = code;
}
