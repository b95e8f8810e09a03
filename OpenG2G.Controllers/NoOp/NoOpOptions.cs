using OpenG2G.Core.Options;

namespace OpenG2G.Controllers.NoOp;

/// <summary>Options of the <c>noop</c> controller: none.</summary>
public sealed record NoOpOptions : IValidatable
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate() => Array.Empty<ValidationProblem>();
}
