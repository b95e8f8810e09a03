namespace OpenG2G.Learning.Serving;

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
