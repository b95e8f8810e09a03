using System.Numerics;

namespace OpenG2G.Grid.Network;

/// <summary>Modified Bessel functions of the first kind for complex arguments, by their power series (|z| up to about 35).</summary>
internal static class Bessel
{
    public static Complex I0(Complex z)
    {
        Complex q = z * z / 4.0;
        Complex term = Complex.One, sum = Complex.One;
        for (int k = 1; k < 500; k++)
        {
            term *= q / ((double)k * k);
            sum += term;
            if (term.Magnitude <= 1e-17 * sum.Magnitude)
                break;
        }
        return sum;
    }

    public static Complex I1(Complex z)
    {
        Complex q = z * z / 4.0;
        Complex term = z / 2.0, sum = term;
        for (int k = 1; k < 500; k++)
        {
            term *= q / ((double)k * (k + 1));
            sum += term;
            if (term.Magnitude <= 1e-17 * sum.Magnitude)
                break;
        }
        return sum;
    }
}
