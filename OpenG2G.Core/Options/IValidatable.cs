namespace OpenG2G.Core.Options;

/// <summary>
/// An options record that checks itself and reports every problem at once (never just the first).
/// The scenario loader calls it after binding and turns each problem into a located diagnostic.
/// </summary>
public interface IValidatable
{
    IEnumerable<ValidationProblem> Validate();
}
