using System.Collections.Immutable;
using OpenG2G.Core.Components;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.Tests.Kernel;

internal static class KernelTestSupport
{
    public static TimeSpan Seconds(decimal s) => TimeBase.Duration(s, "test period");

    public static SimTime At(decimal s) => SimTime.FromSeconds(s);

    public static Simulation Build(
        IEnumerable<IDatacenter> datacenters,
        IGrid? grid,
        IEnumerable<ControllerSlot> controllers,
        decimal durationS,
        params ISimulationObserver[] observers) =>
        new(new SimulationSetup(datacenters.ToImmutableArray(), grid, controllers.ToImmutableArray(), Seconds(durationS)), observers);
}
