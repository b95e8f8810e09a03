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
