using OpenG2G.Core.States;

namespace OpenG2G.Controllers.Pid;

/// <summary>
/// Finds a fixed list of training jobs in a datacenter's states without searching every step: remembers
/// each job's position and re-indexes only when a state lists its jobs differently.
/// </summary>
internal sealed class TrainingJobLookup
{
    private readonly string _datacenter;
    private readonly string[] _jobs;
    private readonly int[] _positions;

    public TrainingJobLookup(string datacenter, IReadOnlyList<string> jobs)
    {
        _datacenter = datacenter;
        _jobs = jobs.ToArray();
        _positions = new int[_jobs.Length];
    }

    /// <summary>The state of job <paramref name="index"/>; throws <see cref="InvalidOperationException"/> when the state lacks it.</summary>
    public TrainingJobState Get(DatacenterState state, int index)
    {
        var training = state.Training;
        int p = _positions[index];
        if (p < training.Length && string.Equals(training[p].Info.Job, _jobs[index], StringComparison.OrdinalIgnoreCase))
            return training[p];
        for (int j = 0; j < training.Length; j++)
        {
            if (string.Equals(training[j].Info.Job, _jobs[index], StringComparison.OrdinalIgnoreCase))
            {
                _positions[index] = j;
                return training[j];
            }
        }
        throw new InvalidOperationException(
            $"datacenter '{_datacenter}' reported no state for training job '{_jobs[index]}' at t={state.Time}");
    }
}
