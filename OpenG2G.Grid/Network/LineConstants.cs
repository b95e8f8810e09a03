using System.Numerics;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.Model.Lines;

namespace OpenG2G.Grid.Network;

/// <summary>
/// Series impedance and shunt admittance per metre of an overhead line from its conductor geometry,
/// as OpenDSS computes them: self and mutual terms from GMR and spacing, an earth-return term from
/// Carson's (simplified or full) or Deri's model, conductor resistance (with the skin effect of a
/// round conductor under Deri), the potential-coefficient matrix from images, and Kron reduction of
/// the neutrals when the geometry asks for it (the capacitance matrix keeps its phase block).
/// Below 1 kHz the internal reactance is dropped, because the published GMR already holds it.
/// </summary>
internal static class LineConstants
{
    // OpenDSS's constants (kept as it writes them so that results agree to its precision).
    private const double Mu0 = 12.56637e-7;
    private const double E0 = 8.854e-12;
    private const double TwoPi = 6.283185307;

    /// <summary>Z (ohm/m) and Y = j omega C (S/m) for <paramref name="g"/> at <paramref name="frequencyHz"/>.</summary>
    public static (Complex[,] Z, Complex[,] Y) PerMetre(LineGeometryElement g, double frequencyHz, EarthModel earth, double? rhoOhmMetre = null)
    {
        int n = g.ConductorCount;
        double w = TwoPi * frequencyHz;
        double rho = rhoOhmMetre ?? g.RhoOhmMetre;
        var x = new double[n];
        var h = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = g.Conductors[i].XMetres;
            h[i] = g.Conductors[i].HMetres;
        }
        var z = new Complex[n, n];
        var lfactor = new Complex(0, w * Mu0 / TwoPi);
        bool powerFrequency = frequencyHz is < 1000.0 and > 40.0;
        Complex me = Complex.Sqrt(new Complex(0, w * Mu0 / rho));
        for (int i = 0; i < n; i++)
        {
            var wire = g.Conductors[i].Wire!;
            Complex zi = InternalImpedance(wire, frequencyHz, w, earth);
            Complex spacing;
            if (powerFrequency)
            {
                zi = new Complex(zi.Real, 0);
                spacing = lfactor * Math.Log(1.0 / wire.GmrMetres);
            }
            else
            {
                spacing = lfactor * Math.Log(1.0 / wire.RadiusMetres);
            }
            z[i, i] = zi + spacing + EarthImpedance(i, i, x, h, frequencyHz, w, rho, me, earth);
        }
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                double dij = Math.Sqrt((x[i] - x[j]) * (x[i] - x[j]) + (h[i] - h[j]) * (h[i] - h[j]));
                Complex m = lfactor * Math.Log(1.0 / dij) + EarthImpedance(i, j, x, h, frequencyHz, w, rho, me, earth);
                z[i, j] = m;
                z[j, i] = m;
            }
        }

        // Potential coefficients (with images), inverted to the nodal capacitance matrix times j omega.
        double pfactor = -1.0 / TwoPi / E0 / w;
        var p = new Complex[n, n];
        for (int i = 0; i < n; i++)
        {
            p[i, i] = new Complex(0, pfactor * Math.Log(2.0 * h[i] / g.Conductors[i].Wire!.RadiusMetres));
            for (int j = 0; j < i; j++)
            {
                double dij = Math.Sqrt((x[i] - x[j]) * (x[i] - x[j]) + (h[i] - h[j]) * (h[i] - h[j]));
                double dijp = Math.Sqrt((x[i] - x[j]) * (x[i] - x[j]) + (h[i] + h[j]) * (h[i] + h[j]));
                p[i, j] = p[j, i] = new Complex(0, pfactor * Math.Log(dijp / dij));
            }
        }
        var yc = SmallMatrix.Invert(p) ?? throw new InvalidOperationException($"{g.FullName}: singular potential-coefficient matrix");
        if (!g.Reduce || g.Phases >= n)
            return (z, yc);
        int np = g.Phases;
        var reduced = KronReduce(z, np);
        var ycPhases = new Complex[np, np];
        for (int i = 0; i < np; i++)
            for (int j = 0; j < np; j++)
                ycPhases[i, j] = yc[i, j];
        return (reduced, ycPhases);
    }

    /// <summary>Eliminate the conductors after the first <paramref name="keep"/> (last first, as OpenDSS).</summary>
    internal static Complex[,] KronReduce(Complex[,] z, int keep)
    {
        var m = z;
        while (m.GetLength(0) > keep)
        {
            int k = m.GetLength(0) - 1;
            var next = new Complex[k, k];
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++)
                    next[i, j] = m[i, j] - m[i, k] * m[k, j] / m[k, k];
            m = next;
        }
        return m;
    }

    private static Complex InternalImpedance(WireDataElement wire, double f, double w, EarthModel earth)
    {
        if (earth != EarthModel.Deri)
            return new Complex(wire.RacOhmPerMetre, w * Mu0 / (8 * Math.PI));
        // Round conductor with skin effect: Z = (1+j) sqrt(Rdc f mu0)/2 * I0(a)/I1(a), a = (1+j) sqrt(f mu0 / Rdc).
        double rdc = wire.RdcOhmPerMetre;
        var c1j1 = new Complex(1, 1);
        Complex alpha = c1j1 * Math.Sqrt(f * Mu0 / rdc);
        Complex ratio = alpha.Magnitude > 35.0 ? Complex.One : Bessel.I0(alpha) / Bessel.I1(alpha);
        return c1j1 * ratio * (Math.Sqrt(rdc * f * Mu0) / 2.0);
    }

    private static Complex EarthImpedance(int i, int j, double[] x, double[] h, double f, double w, double rho, Complex me, EarthModel earth)
    {
        double hi = Math.Abs(h[i]), hj = Math.Abs(h[j]);
        switch (earth)
        {
            case EarthModel.Carson:
                return new Complex(w * Mu0 / 8.0, w * Mu0 / TwoPi * Math.Log(658.5 * Math.Sqrt(rho / f)));
            case EarthModel.FullCarson:
                return FullCarson(i, j, x, hi, hj, f, w, rho);
            default:
                Complex lfactor = new Complex(0, w * Mu0 / TwoPi);
                if (i != j)
                {
                    Complex hterm = hi + hj + 2.0 / me;
                    double xterm = x[i] - x[j];
                    return lfactor * Complex.Log(Complex.Sqrt(hterm * hterm + xterm * xterm));
                }
                return lfactor * Complex.Log(2.0 * (hi + 1.0 / me));
        }
    }

    private static Complex FullCarson(int i, int j, double[] x, double hi, double hj, double f, double w, double rho)
    {
        const double b1 = 0.23570226039551584; // 1 / (3 sqrt 2)
        const double b2 = 1.0 / 16.0;
        const double b3 = b1 / 15.0;
        const double b4 = b2 / 24.0;
        const double d2 = b2 * Math.PI / 4.0;
        const double d4 = b4 * Math.PI / 4.0;
        const double c2 = 1.3659315;
        const double c4 = c2 + 1.0 / 4.0 + 1.0 / 6.0;
        double theta, dij;
        if (i == j)
        {
            theta = 0;
            dij = 2.0 * hi;
        }
        else
        {
            dij = Math.Sqrt((hi + hj) * (hi + hj) + (x[i] - x[j]) * (x[i] - x[j]));
            theta = Math.Acos((hi + hj) / dij);
        }
        double m = 2.8099e-3 * dij * Math.Sqrt(f / rho);
        double re = Math.PI / 8.0 - b1 * m * Math.Cos(theta)
            + b2 * m * m * ((Math.Log(Math.Exp(c2) / m) * Math.Cos(2 * theta)) + theta * Math.Sin(2 * theta))
            + b3 * m * m * m * Math.Cos(3 * theta) - d4 * m * m * m * m * Math.Cos(4 * theta);
        double im = 0.5 * Math.Log(1.85138 / m) + b1 * m * Math.Cos(theta) - d2 * m * m * Math.Cos(2 * theta)
            + b3 * m * m * m * Math.Cos(3 * theta)
            - b4 * m * m * m * m * ((Math.Log(Math.Exp(c4) / m) * Math.Cos(4 * theta)) + theta * Math.Sin(4 * theta));
        im += 0.5 * Math.Log(dij);
        return new Complex(re, im) * (w * Mu0 / Math.PI);
    }
}
