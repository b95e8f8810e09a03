using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Grid.Dss;

/// <summary>
/// Internal signal from a value or property parser that one parameter is invalid; the model
/// builder turns it into one diagnostic and carries on with the next parameter.
/// </summary>
internal sealed class DssInputException : Exception
{
    public DssInputException(SourceLocation location, string message)
        : base(message)
    {
        Location = location;
    }

    public SourceLocation Location { get; }
}
