namespace OpenG2G.Scenarios.Sweeps;

/// <summary>Where a sweep stands: runs finished (this process, and before it on resume), failed, and the total known so far.</summary>
/// <param name="Done">Runs finished by this process.</param>
/// <param name="Failed">Of those, runs that failed.</param>
/// <param name="Skipped">Runs finished before a resume (not redone).</param>
/// <param name="Total">Runs of this shard: grid runs, or the searches' probes so far plus an estimate of those to come.</param>
/// <param name="ElapsedS">Wall time since this process started running, seconds.</param>
public readonly record struct SweepProgress(int Done, int Failed, int Skipped, int Total, double ElapsedS)
{
    /// <summary>Runs per second so far (0 before the first finishes).</summary>
    public double RunsPerS => ElapsedS > 0 ? Done / ElapsedS : 0;

    /// <summary>Estimated seconds left; NaN before the first run finishes.</summary>
    public double EtaS => Done > 0 ? Math.Max(0, Total - Skipped - Done) / RunsPerS : double.NaN;
}

/// <summary>What a sweep did: counts, the output folder, and whether it was stopped before it finished.</summary>
public sealed record SweepOutcome(string Directory, int Done, int Failed, int Skipped, int SearchesFinished, bool Cancelled, double WallTimeS);
