using System.Numerics;
using OpenG2G.Core.Randomness;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Benchmarks.Sparse;

/// <summary>
/// Nodal admittance matrix of a random radial three-phase feeder: a random tree of buses (three
/// nodes each), every branch a coupled 3x3 pi-section of random length (100-2000 ft of IEEE 13
/// configuration 601), constant-impedance loads on a third of the buses and a Thevenin source at
/// bus 0. Complex symmetric, about 3 x (1 + 2 x 3) = 21 entries per bus column triple.
/// </summary>
public sealed class SyntheticFeeder
{
    private SyntheticFeeder(SparsePattern pattern, Complex[] values, Complex[] injections)
    {
        Pattern = pattern;
        Values = values;
        Injections = injections;
    }

    public SparsePattern Pattern { get; }

    public Complex[] Values { get; }

    /// <summary>Norton current of the source at bus 0 plus up to 1.4 A at every node (amperes).</summary>
    public Complex[] Injections { get; }

    public static SyntheticFeeder Build(int buses, ulong seed)
    {
        var random = new SimRandom(seed);
        var entries = new Dictionary<(int, int), Complex>();
        void Stamp(int rowBus, int columnBus, Complex[,] block, int sign)
        {
            for (int i = 0; i < 3; i++)
            {
                for (int j = 0; j < 3; j++)
                {
                    var key = (3 * rowBus + i, 3 * columnBus + j);
                    entries[key] = entries.GetValueOrDefault(key) + sign * block[i, j];
                }
            }
        }

        var series = Invert3(Config601OhmPerMile());
        var shunt = Config601MicroSiemensPerMile();
        for (int bus = 1; bus < buses; bus++)
        {
            int parent = random.NextInt(bus);
            double miles = random.NextUniform(100, 2000) / 5280;
            var y = Scale(series, 1 / miles);
            var halfShunt = Scale(shunt, 0.5e-6 * miles);
            Stamp(parent, parent, y, 1);
            Stamp(bus, bus, y, 1);
            Stamp(parent, bus, y, -1);
            Stamp(bus, parent, y, -1);
            Stamp(parent, parent, halfShunt, 1);
            Stamp(bus, bus, halfShunt, 1);
            // About 1.5 MW per phase in all (0.27 S at 2.4 kV), so voltages stay realistic at any size.
            if (random.NextInt(3) == 0)
                Stamp(bus, bus, Diagonal(new Complex(random.NextUniform(0.4, 1.2), -random.NextUniform(0, 0.4)) / buses), 1);
        }
        var source = Diagonal(1 / new Complex(0.05, 0.6));
        Stamp(0, 0, source, 1);

        var pattern = SparsePattern.FromEntries(3 * buses, entries.Keys);
        var values = new Complex[pattern.NonZeros];
        foreach (var (key, value) in entries)
            values[pattern.IndexOf(key.Item1, key.Item2)] = value;
        // The source's Norton current plus a small current at every node, so the right-hand side
        // is dense and solve timings get no help from skipping zero entries.
        var injections = new Complex[3 * buses];
        for (int i = 0; i < injections.Length; i++)
            injections[i] = new Complex(random.NextUniform(-1, 1), random.NextUniform(-1, 1));
        var a = Complex.FromPolarCoordinates(1, -2 * Math.PI / 3);
        Complex[] voltage = [2401.8, 2401.8 * a, 2401.8 * a * a];
        for (int i = 0; i < 3; i++)
            injections[i] += source[i, i] * voltage[i];
        return new SyntheticFeeder(pattern, values, injections);
    }

    private static Complex[,] Config601OhmPerMile() => new Complex[,]
    {
        { new(0.3465, 1.0179), new(0.1560, 0.5017), new(0.1580, 0.4236) },
        { new(0.1560, 0.5017), new(0.3375, 1.0478), new(0.1535, 0.3849) },
        { new(0.1580, 0.4236), new(0.1535, 0.3849), new(0.3414, 1.0348) },
    };

    private static Complex[,] Config601MicroSiemensPerMile() => new Complex[,]
    {
        { new(0, 6.2998), new(0, -1.9958), new(0, -1.2595) },
        { new(0, -1.9958), new(0, 5.9597), new(0, -0.7417) },
        { new(0, -1.2595), new(0, -0.7417), new(0, 5.6386) },
    };

    private static Complex[,] Diagonal(Complex value) => new Complex[,] { { value, 0, 0 }, { 0, value, 0 }, { 0, 0, value } };

    private static Complex[,] Scale(Complex[,] m, Complex factor)
    {
        var r = new Complex[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
                r[i, j] = m[i, j] * factor;
        }
        return r;
    }

    // Cofactor inverse; fine for the well-conditioned 3x3 line impedance.
    private static Complex[,] Invert3(Complex[,] m)
    {
        var r = new Complex[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                int r1 = (j + 1) % 3, r2 = (j + 2) % 3, c1 = (i + 1) % 3, c2 = (i + 2) % 3;
                r[i, j] = m[r1, c1] * m[r2, c2] - m[r1, c2] * m[r2, c1];
            }
        }
        Complex determinant = m[0, 0] * r[0, 0] + m[0, 1] * r[1, 0] + m[0, 2] * r[2, 0];
        return Scale(r, 1 / determinant);
    }
}
