using System.Numerics;

namespace OpenG2G.Numerics.Tests.Sparse;

/// <summary>
/// A small three-phase network for solver tests: buses of three nodes (bus b holds nodes 3b..3b+2),
/// coupled pi-section lines, wye shunts (loads), Thevenin sources and single-phase phase-shifting
/// transformers. It stamps the nodal admittance matrix Y and the Norton injections, and, for a
/// solved V, evaluates each element's currents from its own model to check Kirchhoff's current law.
/// </summary>
internal sealed class ThreePhaseTestNetwork
{
    private readonly List<(int From, int To, Complex[,] SeriesY, Complex[,] HalfShuntY)> _lines = [];
    private readonly List<(int Bus, Complex[,] Y)> _shunts = [];
    private readonly List<(int Bus, Complex[] Voltage, Complex[,] Y)> _sources = [];
    private readonly List<(int FromNode, int ToNode, Complex Ratio, Complex Y)> _shifters = [];

    public ThreePhaseTestNetwork(int buses) => Buses = buses;

    public int Buses { get; }

    public int Nodes => 3 * Buses;

    /// <summary>IEEE 13-node test feeder, line configuration 601: series impedance in ohm per mile.</summary>
    public static Complex[,] Config601ImpedanceOhmPerMile() => new Complex[,]
    {
        { new(0.3465, 1.0179), new(0.1560, 0.5017), new(0.1580, 0.4236) },
        { new(0.1560, 0.5017), new(0.3375, 1.0478), new(0.1535, 0.3849) },
        { new(0.1580, 0.4236), new(0.1535, 0.3849), new(0.3414, 1.0348) },
    };

    /// <summary>IEEE 13-node test feeder, configuration 601: shunt susceptance in microsiemens per mile.</summary>
    public static Complex[,] Config601ShuntMicroSiemensPerMile() => new Complex[,]
    {
        { new(0, 6.2998), new(0, -1.9958), new(0, -1.2595) },
        { new(0, -1.9958), new(0, 5.9597), new(0, -0.7417) },
        { new(0, -1.2595), new(0, -0.7417), new(0, 5.6386) },
    };

    public static Complex[,] Scale(Complex[,] m, double factor)
    {
        var r = new Complex[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
                r[i, j] = m[i, j] * factor;
        }
        return r;
    }

    public static Complex[,] Diagonal(Complex value) => new Complex[,] { { value, 0, 0 }, { 0, value, 0 }, { 0, 0, value } };

    public static Complex[,] Invert(Complex[,] m)
    {
        var inverse = new Complex[3, 3];
        for (int j = 0; j < 3; j++)
        {
            var unit = new Complex[3];
            unit[j] = 1;
            var column = DenseComplexLu.Solve(m, unit);
            for (int i = 0; i < 3; i++)
                inverse[i, j] = column[i];
        }
        return inverse;
    }

    public void AddLine(int from, int to, Complex[,] seriesZOhm, Complex[,] totalShuntYSiemens) =>
        _lines.Add((from, to, Invert(seriesZOhm), Scale(totalShuntYSiemens, 0.5)));

    public void AddShunt(int bus, Complex[,] ySiemens) => _shunts.Add((bus, ySiemens));

    public void AddSource(int bus, Complex[] voltageV, Complex[,] zOhm) => _sources.Add((bus, voltageV, Invert(zOhm)));

    /// <summary>Ideal transformer of complex ratio t:1 from <paramref name="fromNode"/>, then leakage admittance y to <paramref name="toNode"/>.</summary>
    public void AddPhaseShifter(int fromNode, int toNode, Complex ratio, Complex leakageY) =>
        _shifters.Add((fromNode, toNode, ratio, leakageY));

    public TestMatrix Admittance()
    {
        var y = new TestMatrix(Nodes);
        foreach (var (from, to, series, halfShunt) in _lines)
        {
            StampBlock(y, from, from, series, 1);
            StampBlock(y, to, to, series, 1);
            StampBlock(y, from, to, series, -1);
            StampBlock(y, to, from, series, -1);
            StampBlock(y, from, from, halfShunt, 1);
            StampBlock(y, to, to, halfShunt, 1);
        }
        foreach (var (bus, shunt) in _shunts)
            StampBlock(y, bus, bus, shunt, 1);
        foreach (var (bus, _, source) in _sources)
            StampBlock(y, bus, bus, source, 1);
        foreach (var (p, s, t, leak) in _shifters)
        {
            y.Add(p, p, leak / (t * Complex.Conjugate(t)));
            y.Add(p, s, -leak / Complex.Conjugate(t));
            y.Add(s, p, -leak / t);
            y.Add(s, s, leak);
        }
        return y;
    }

    /// <summary>Norton equivalent currents of the sources, injected into their nodes (amperes).</summary>
    public Complex[] Injections()
    {
        var current = new Complex[Nodes];
        foreach (var (bus, voltage, source) in _sources)
        {
            for (int i = 0; i < 3; i++)
            {
                for (int j = 0; j < 3; j++)
                    current[3 * bus + i] += source[i, j] * voltage[j];
            }
        }
        return current;
    }

    /// <summary>
    /// Net current leaving each node through all elements (zero when KCL holds), and the largest
    /// single element current, the scale a mismatch is judged against.
    /// </summary>
    public (Complex[] Mismatch, double Scale) KirchhoffMismatch(ReadOnlySpan<Complex> v)
    {
        var leaving = new Complex[Nodes];
        double scale = 0;
        void Leave(int node, Complex current)
        {
            leaving[node] += current;
            scale = Math.Max(scale, Complex.Abs(current));
        }

        foreach (var (from, to, series, halfShunt) in _lines)
        {
            for (int i = 0; i < 3; i++)
            {
                Complex seriesCurrent = 0, shuntFrom = 0, shuntTo = 0;
                for (int j = 0; j < 3; j++)
                {
                    seriesCurrent += series[i, j] * (v[3 * from + j] - v[3 * to + j]);
                    shuntFrom += halfShunt[i, j] * v[3 * from + j];
                    shuntTo += halfShunt[i, j] * v[3 * to + j];
                }
                Leave(3 * from + i, seriesCurrent + shuntFrom);
                Leave(3 * to + i, -seriesCurrent + shuntTo);
            }
        }
        foreach (var (bus, shunt) in _shunts)
        {
            for (int i = 0; i < 3; i++)
                Leave(3 * bus + i, Row(shunt, i, v, bus));
        }
        foreach (var (bus, voltage, source) in _sources)
        {
            for (int i = 0; i < 3; i++)
            {
                Complex current = 0;
                for (int j = 0; j < 3; j++)
                    current += source[i, j] * (v[3 * bus + j] - voltage[j]);
                Leave(3 * bus + i, current);
            }
        }
        foreach (var (p, s, t, leak) in _shifters)
        {
            // Current through the leakage from the ideal secondary (voltage v_p / t) to node s; the
            // ideal transformer conserves power, so the primary draws it divided by conj(t).
            Complex secondary = leak * (v[p] / t - v[s]);
            Leave(p, secondary / Complex.Conjugate(t));
            Leave(s, -secondary);
        }
        return (leaving, scale);
    }

    private static Complex Row(Complex[,] m, int i, ReadOnlySpan<Complex> v, int bus)
    {
        Complex sum = 0;
        for (int j = 0; j < 3; j++)
            sum += m[i, j] * v[3 * bus + j];
        return sum;
    }

    private static void StampBlock(TestMatrix y, int rowBus, int columnBus, Complex[,] block, int sign)
    {
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
                y.Add(3 * rowBus + i, 3 * columnBus + j, sign * block[i, j]);
        }
    }
}
