namespace OpenG2G.Learning.Serving;

/// <summary>
/// The environment server's wire format (docs/python.md#protocol). Every message is a frame: a
/// little-endian uint32 body length, then the body: one byte of <see cref="MessageType"/> and its payload,
/// all numbers little-endian. The client opens with <see cref="MessageType.Hello"/> carrying
/// <see cref="Magic"/> and <see cref="Version"/>; a server of another version answers with an error
/// (<see cref="ErrorCode.Version"/>) naming both.
/// </summary>
public static class Protocol
{
    /// <summary>Protocol version this server speaks; a change of any message's layout increments it.</summary>
    public const uint Version = 1;

    /// <summary>The four bytes a hello starts with: <c>OG2G</c>.</summary>
    public static ReadOnlySpan<byte> Magic => "OG2G"u8;

    /// <summary>Largest frame body either side sends or accepts (64 MiB).</summary>
    public const int MaxFrameBytes = 64 << 20;

    /// <summary>Number of float64 info values per environment in a step reply, in the order of <see cref="InfoNames"/>.</summary>
    public static IReadOnlyList<string> InfoNames { get; } =
    [
        "time_s", "violation_integral_pu_s", "violation_squared_pu2", "min_voltage_pu",
        "measured_throughput_tokens_per_s", "latency_excess", "switches", "reward",
    ];
}

/// <summary>First byte of a frame body. Requests below 0x80, replies from 0x80.</summary>
public enum MessageType : byte
{
    /// <summary>Request: magic (4 bytes), uint32 version.</summary>
    Hello = 0x01,

    /// <summary>Request: uint32 n, then n times {uint32 environment, uint64 seed, uint32 bytes, UTF-8 overrides separated by '\n'}.</summary>
    Reset = 0x02,

    /// <summary>Request: int32 actions [K, action size], row-major.</summary>
    Step = 0x03,

    /// <summary>Request: no payload; the server replies and exits.</summary>
    Close = 0x04,

    /// <summary>Reply: uint32 version, K, observation size, action size, max episode steps, info count, uint32 bytes + UTF-8 spaces JSON.</summary>
    HelloOk = 0x81,

    /// <summary>Reply: uint32 n, float32 observations [n, observation size] in the order of the request.</summary>
    ResetOk = 0x82,

    /// <summary>
    /// Reply: float32 observations [K, obs], float64 rewards [K], uint8 terminated [K], uint8 truncated [K],
    /// uint8 status [K] (0 stepped, 1 failed), float64 info [K, info count], then K times {uint32 bytes,
    /// UTF-8 text}: the run summary JSON when the episode ended, the failure message when it failed, else empty.
    /// </summary>
    StepOk = 0x83,

    /// <summary>Reply to <see cref="Close"/>: no payload.</summary>
    CloseOk = 0x84,

    /// <summary>Reply: uint32 <see cref="ErrorCode"/>, uint32 bytes + UTF-8 message. The request had no effect unless the message says so.</summary>
    Error = 0xFF,
}

/// <summary>Why a request was refused (<see cref="MessageType.Error"/>).</summary>
public enum ErrorCode : uint
{
    /// <summary>The frame cannot be read: unknown message type, wrong payload length, a truncated field.</summary>
    Malformed = 1,

    /// <summary>The hello's magic or version is not this server's.</summary>
    Version = 2,

    /// <summary>A value out of range: an environment index, an action choice.</summary>
    Argument = 3,

    /// <summary>A reset's scenario overrides cannot be used (the message lists each problem with its path).</summary>
    InvalidInput = 4,

    /// <summary>The request does not fit the state: no hello yet, or a step while an environment needs a reset.</summary>
    State = 5,

    /// <summary>A simulation failed during a reset (the message names time and component).</summary>
    Simulation = 6,

    /// <summary>A bug in the server; every environment needs a reset.</summary>
    Internal = 7,
}
