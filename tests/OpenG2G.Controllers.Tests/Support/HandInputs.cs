using System.Collections.Immutable;
using OpenG2G.Core.States;

namespace OpenG2G.Controllers.Tests.Support;

/// <summary>Grid and datacenter states written by hand, for single-step tests with chosen numbers.</summary>
internal static class HandInputs
{
    /// <summary>sourcebus (excluded in the fakes) and b1, three phases each.</summary>
    public static readonly BusPhaseIndex TwoBuses = new(new[]
    {
        new BusPhase("sourcebus", 1), new BusPhase("sourcebus", 2), new BusPhase("sourcebus", 3),
        new BusPhase("b1", 1), new BusPhase("b1", 2), new BusPhase("b1", 3),
    });

    /// <summary>A snapshot of <see cref="TwoBuses"/> with sourcebus at <paramref name="sourcePu"/> and b1 at the given phase voltages.</summary>
    public static GridState Grid(double sourcePu, double a, double b, double c, decimal atS = 0m) => new()
    {
        Time = Rig.At(atS),
        Nodes = TwoBuses,
        VoltagePu = ImmutableArray.Create(sourcePu, sourcePu, sourcePu, a, b, c),
        VoltageAngleDeg = ImmutableArray.Create(new double[6]),
    };

    /// <summary>Datacenter <paramref name="name"/> with one model <c>m</c> at <paramref name="batch"/> with 10 replicas.</summary>
    public static DatacenterState OneModel(string name, int batch, double itlS, decimal atS = 0m) =>
        new(Rig.At(atS), name, ThreePhase.Zero, ImmutableArray.Create(new ModelState("m", batch, 10, itlS, 0, 0, double.NaN)));
}
