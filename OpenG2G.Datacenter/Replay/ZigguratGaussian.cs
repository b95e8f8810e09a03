using OpenG2G.Core.Randomness;

namespace OpenG2G.Datacenter.Replay;

/// <summary>
/// Standard normal draws by Marsaglia and Tsang's ziggurat (128 layers) on top of a
/// <see cref="SimRandom"/> stream: about one 64-bit draw and a multiply per value, against a
/// logarithm and a square root for the polar method (the power noise: three draws per model
/// per step). Layer index and value come from different bits of the same draw.
/// </summary>
internal static class ZigguratGaussian
{
    private const double R = 3.442619855899;
    private const double V = 9.91256303526217e-3;
    private const double M1 = 2147483648.0;
    private static readonly uint[] Kn = new uint[128];
    private static readonly double[] Wn = new double[128];
    private static readonly double[] Fn = new double[128];

    static ZigguratGaussian()
    {
        double dn = R, tn = R;
        double q = V / Math.Exp(-0.5 * dn * dn);
        Kn[0] = (uint)(dn / q * M1);
        Kn[1] = 0;
        Wn[0] = q / M1;
        Wn[127] = dn / M1;
        Fn[0] = 1.0;
        Fn[127] = Math.Exp(-0.5 * dn * dn);
        for (int i = 126; i >= 1; i--)
        {
            dn = Math.Sqrt(-2 * Math.Log(V / dn + Math.Exp(-0.5 * dn * dn)));
            Kn[i + 1] = (uint)(dn / tn * M1);
            tn = dn;
            Fn[i] = Math.Exp(-0.5 * dn * dn);
            Wn[i] = dn / M1;
        }
    }

    public static double Next(SimRandom random)
    {
        while (true)
        {
            ulong bits = random.NextUInt64();
            int hz = (int)(bits >> 32);
            int iz = (int)(bits & 127);
            if ((uint)Math.Abs((long)hz) < Kn[iz])
                return hz * Wn[iz];
            double x = hz * Wn[iz];
            if (iz == 0)
            {
                double y;
                do
                {
                    x = -Math.Log(1.0 - random.NextDouble()) / R;
                    y = -Math.Log(1.0 - random.NextDouble());
                }
                while (y + y < x * x);
                return hz > 0 ? R + x : -R - x;
            }
            if (Fn[iz] + random.NextDouble() * (Fn[iz - 1] - Fn[iz]) < Math.Exp(-0.5 * x * x))
                return x;
        }
    }
}
