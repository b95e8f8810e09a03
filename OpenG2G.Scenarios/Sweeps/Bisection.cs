namespace OpenG2G.Scenarios.Sweeps;

/// <summary>
/// The probes of one search, deterministic given the outcomes: first the bracket's low end (it must satisfy the
/// condition), then its high end (if it does, that is the answer), then midpoints, keeping the largest value known
/// to satisfy the condition, until the bracket is no wider than the tolerance. Integer searches probe whole numbers.
/// </summary>
public sealed class Bisection(SearchSpec spec)
{
    private double _low = spec.Low;
    private double _high = spec.High;

    /// <summary>Probes recorded so far.</summary>
    public int Probes { get; private set; }

    /// <summary>Recorded probes whose run failed (counted as not satisfying the condition).</summary>
    public int FailedProbes { get; private set; }

    /// <summary>True once the search has its answer.</summary>
    public bool Done { get; private set; }

    /// <summary>The largest value found to satisfy the condition; NaN when even the low end does not.</summary>
    public double Result { get; private set; } = double.NaN;

    /// <summary>How it ended: <c>found</c>, <c>at_high</c> (the high end satisfies it), <c>none</c> (the low end does not).</summary>
    public string Outcome { get; private set; } = "running";

    /// <summary>The value of the next probe; only while not <see cref="Done"/>.</summary>
    public double Next => Probes switch
    {
        0 => spec.Low,
        1 => spec.High,
        _ => spec.Integer ? Math.Floor((_low + _high) / 2) : (_low + _high) / 2,
    };

    /// <summary>Record the probe at <see cref="Next"/>: whether its run satisfied the condition (false also when it failed).</summary>
    public void Record(bool holds, bool failed)
    {
        if (Done)
            throw new InvalidOperationException("the search is finished");
        double value = Next;
        Probes++;
        if (failed)
            FailedProbes++;
        if (Probes == 1)
        {
            if (!holds)
                Finish(double.NaN, "none");
            return;
        }
        if (Probes == 2)
        {
            if (holds)
                Finish(spec.High, "at_high");
            else if (_high - _low <= spec.Tolerance || Next <= _low)
                Finish(_low, "found");
            return;
        }
        if (holds)
            _low = value;
        else
            _high = value;
        double next = Next;
        if (_high - _low <= spec.Tolerance || next <= _low || next >= _high)
            Finish(_low, "found");
    }

    private void Finish(double result, string outcome)
    {
        Result = result;
        Outcome = outcome;
        Done = true;
    }
}
