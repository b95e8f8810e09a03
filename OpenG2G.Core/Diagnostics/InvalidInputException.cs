namespace OpenG2G.Core.Diagnostics;

/// <summary>
/// The input (a scenario, a feeder file, a trace library) is invalid. Carries every problem found,
/// not just the first; the message lists them one per line.
/// </summary>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(IReadOnlyList<Diagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics.Where(d => d.Severity == Severity.Error)))
    {
        if (!diagnostics.Any(d => d.Severity == Severity.Error))
            throw new ArgumentException("an invalid-input exception needs at least one error", nameof(diagnostics));
        Diagnostics = diagnostics;
    }

    public InvalidInputException(Diagnostic error)
        : this(new[] { error })
    {
    }

    /// <summary>All diagnostics, errors and notes, in the order found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Only the errors.</summary>
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);
}
