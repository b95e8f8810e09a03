namespace OpenG2G.Learning.Environment;

/// <summary>An environment that reports what its last step measured (grid environments).</summary>
public interface IStepInfoSource
{
    /// <summary>What the last step measured, or null before the first.</summary>
    StepInfo? LastInfo { get; }
}
