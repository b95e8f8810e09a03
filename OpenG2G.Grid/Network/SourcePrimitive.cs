using System.Numerics;
using OpenG2G.Grid.Model.Sources;

namespace OpenG2G.Grid.Network;

/// <summary>
/// A Vsource's Thevenin impedance as OpenDSS computes it (from MVAsc3/MVAsc1 with X/R ratios,
/// Isc3/Isc1, or ohms) and its open-circuit voltages (positive sequence from <c>angle</c>).
/// </summary>
internal static class SourcePrimitive
{
    public static Complex[,]? Build(VsourceElement s)
    {
        int n = s.Phases;
        double factor = n == 1 ? 1.0 : Math.Sqrt(3.0);
        double kv = s.BaseKv;
        double r1, x1, r0, x0;
        if (s.ImpedanceSpec is 1 or 2)
        {
            double mva3 = s.ImpedanceSpec == 1 ? s.MvaSc3 : Math.Sqrt(3.0) * kv * s.Isc3A / 1000.0;
            double isc1 = s.ImpedanceSpec == 1 ? s.MvaSc1 * 1000.0 / (factor * kv) : s.Isc1A;
            x1 = kv * kv / mva3 / Math.Sqrt(1.0 + 1.0 / (s.X1R1 * s.X1R1));
            r1 = x1 / s.X1R1;
            double a = 1.0 + s.X0R0 * s.X0R0;
            double b = 4.0 * (r1 + x1 * s.X0R0);
            double v = 3.0 * kv * 1000.0 / factor / isc1;
            double c = 4.0 * (r1 * r1 + x1 * x1) - v * v;
            double d = Math.Sqrt(Math.Max(0.0, b * b - 4.0 * a * c));
            r0 = Math.Max((-b + d) / (2 * a), (-b - d) / (2 * a));
            x0 = r0 * s.X0R0;
        }
        else
        {
            (r1, x1, r0, x0) = (s.R1Ohm, s.X1Ohm, s.R0Ohm, s.X0Ohm);
            if (n == 1)
                (r0, x0) = (r1, x1);
        }
        var zs = new Complex((2 * r1 + r0) / 3.0, (2 * x1 + x0) / 3.0);
        var zm = new Complex((r0 - r1) / 3.0, (x0 - x1) / 3.0);
        var z = new Complex[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                z[i, j] = i == j ? zs : zm;
        var y = SmallMatrix.Invert(z);
        return y is null ? null : SmallMatrix.SeriesPrimitive(y, null);
    }

    /// <summary>Open-circuit voltages of terminal 1 in volts (node to ground), for per-unit voltage <paramref name="perUnit"/>.</summary>
    public static Complex[] OpenCircuitVolts(VsourceElement s, double perUnit)
    {
        int n = s.Phases;
        double vmag = n == 1 ? s.BaseKv * perUnit * 1000.0 : s.BaseKv * perUnit * 1000.0 / 2.0 / Math.Sin(Math.PI / n);
        var v = new Complex[n];
        for (int i = 0; i < n; i++)
            v[i] = Complex.FromPolarCoordinates(vmag, (s.AngleDeg - i * 360.0 / n) * Math.PI / 180.0);
        return v;
    }
}
