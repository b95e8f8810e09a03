namespace OpenG2G.Learning.Environment;

/// <summary>An environment whose episodes have a known longest length (PPO sizes its buffers by it).</summary>
public interface IEpisodeLength
{
    /// <summary>Most steps an episode can take.</summary>
    int MaxEpisodeSteps { get; }
}
