namespace OpenG2G.Learning.Serving;

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
