namespace OpenG2G.Learning.Training;

/// <summary>An iteration's samples, every episode's steps one after another (environment order), flat for minibatching.</summary>
internal sealed class Samples
{
    private Samples(int capacity, int observationSize, int actionSize)
    {
        Observations = new float[capacity * observationSize];
        Actions = new int[capacity * actionSize];
        LogProbabilities = new float[capacity];
        Advantages = new float[capacity];
        Returns = new float[capacity];
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    public float[] Observations { get; }

    public int[] Actions { get; }

    public float[] LogProbabilities { get; }

    public float[] Advantages { get; }

    public float[] Returns { get; }

    /// <summary>Copy the episodes into <paramref name="reuse"/> when it is large enough, else into a new one.</summary>
    public static Samples Gather(EpisodeBuffer[] episodes, int observationSize, int actionSize, Samples? reuse)
    {
        int total = episodes.Sum(e => e.Length);
        Samples s = reuse is not null && reuse.Capacity >= total ? reuse : new Samples(episodes.Sum(e => e.MaxSteps), observationSize, actionSize);
        int k = 0;
        foreach (EpisodeBuffer e in episodes)
        {
            e.Observations.AsSpan(0, e.Length * observationSize).CopyTo(s.Observations.AsSpan(k * observationSize));
            e.Actions.AsSpan(0, e.Length * actionSize).CopyTo(s.Actions.AsSpan(k * actionSize));
            e.LogProbabilities.AsSpan(0, e.Length).CopyTo(s.LogProbabilities.AsSpan(k));
            e.Advantages.AsSpan(0, e.Length).CopyTo(s.Advantages.AsSpan(k));
            e.Returns.AsSpan(0, e.Length).CopyTo(s.Returns.AsSpan(k));
            k += e.Length;
        }
        s.Count = total;
        return s;
    }
}
