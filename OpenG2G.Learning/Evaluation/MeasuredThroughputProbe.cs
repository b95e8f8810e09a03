using OpenG2G.Core.Kernel;
using OpenG2G.Core.States;

namespace OpenG2G.Learning.Evaluation;

/// <summary>
/// Time mean of the throughput the datacenters report (<see cref="ModelState.ThroughputTokensPerS"/>
/// summed over models and sites per instant): the definition issue 11 gives the summary's mean
/// throughput, kept here so the table has it whichever definition the summary uses.
/// </summary>
public sealed class MeasuredThroughputProbe : ISimulationObserver
{
    private long _lastTicks = long.MinValue;
    private long _instants;
    private double _sum;

    public void OnDatacenterState(DatacenterState state)
    {
        if (state.Time.Ticks != _lastTicks)
        {
            _instants++;
            _lastTicks = state.Time.Ticks;
        }
        foreach (ModelState m in state.Models)
            _sum += m.ThroughputTokensPerS;
    }

    public double MeanTokensPerS => _instants == 0 ? double.NaN : _sum / _instants;
}
