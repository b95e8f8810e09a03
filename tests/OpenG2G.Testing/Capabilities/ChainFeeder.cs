using System.Collections.Immutable;
using OpenG2G.Core.States;

namespace OpenG2G.Testing.Capabilities;

/// <summary>
/// A radial chain sourcebus - b1 - b2 - ... - b(N-1), three phases each, described linearly: power
/// added on phase p at bus k lowers the voltage of phase p at bus i by
/// <see cref="DropPuPerKwPerSegment"/> x min(i, k) per kW (the shared path), and of the other phases by
/// <see cref="CrossPhaseCoupling"/> times that; reactive power acts like <see cref="ReactiveRatio"/> times
/// real power. sourcebus is excluded. Builds <see cref="LinearGrid"/>s. Test fake.
/// </summary>
public sealed record ChainFeeder(int Buses, double SourcePu, double DropPuPerKwPerSegment)
{
    public double CrossPhaseCoupling { get; init; } = 0.3;

    public double ReactiveRatio { get; init; } = 0.5;

    public BusPhaseIndex Nodes { get; } = new(Enumerable.Range(0, Buses)
        .SelectMany(k => new[] { 1, 2, 3 }.Select(p => new BusPhase(BusName(k), p))));

    public static string BusName(int k) => k == 0 ? "sourcebus" : $"b{k}";

    /// <summary>A grid with every node at <see cref="SourcePu"/> before any load, sourcebus excluded.</summary>
    public LinearGrid Build(string name, TimeSpan period, Func<Core.Time.SimTime, double>? offsetPu = null) =>
        new(name, period, Nodes, Enumerable.Repeat(SourcePu, Nodes.Count).ToArray())
        {
            ExcludedBuses = ImmutableHashSet.Create("sourcebus"),
            OffsetPu = offsetPu,
        };

    /// <summary>dV/dP (pu per kW) of every node for power added at bus <paramref name="bus"/>, nodes x 3 row-major.</summary>
    public double[] DvDpAt(int bus)
    {
        var h = new double[Nodes.Count * 3];
        for (int n = 0; n < Nodes.Count; n++)
        {
            int depth = n / 3;
            int phase = n % 3;
            for (int p = 0; p < 3; p++)
                h[n * 3 + p] = -DropPuPerKwPerSegment * Math.Min(depth, bus) * (p == phase ? 1.0 : CrossPhaseCoupling);
        }
        return h;
    }

    /// <summary>dV/dQ (pu per kvar) for reactive power added at bus <paramref name="bus"/>.</summary>
    public double[] DvDqAt(int bus) => DvDpAt(bus).Select(x => x * ReactiveRatio).ToArray();

    /// <summary>Attach <paramref name="datacenter"/> at bus index <paramref name="bus"/>.</summary>
    public void AttachDatacenter(LinearGrid grid, string datacenter, int bus, double powerFactor) =>
        grid.AddDatacenter(datacenter, BusName(bus), powerFactor, DvDpAt(bus), DvDqAt(bus));
}
