using System.Numerics;
using OpenG2G.Grid.Model.Lines;

namespace OpenG2G.Grid.Network;

/// <summary>
/// Primitive admittance of a line, as OpenDSS: series Z = (R + jX) per unit length times the
/// length multiplier (length / unit conversion from the line code's units to the line's), half the
/// shunt capacitance j*2*pi*f*C at each end.
/// </summary>
internal static class LinePrimitive
{
    public static Complex[,]? Build(LineElement line, double frequencyHz, bool includeShunt, Model.EarthModel earth)
    {
        if (line.Geometry is { } geometry)
            return FromGeometry(line, geometry, frequencyHz, includeShunt, earth);
        var (r, x, c) = line.Impedance.Matrices();
        int n = line.Phases;
        double lm = line.LengthMultiplier;
        double cScale = 1.0;
        if (!line.CapacitanceSpecified && line.Impedance.SymmetricalComponents)
            cScale = 1.0 / LengthUnitsExtensions.Convert(LengthUnits.Kft, line.Units); // defaults are per kft
        var z = new Complex[n, n];
        var shunt = new Complex[n, n];
        double w = 2 * Math.PI * frequencyHz;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                z[i, j] = new Complex(r[i, j] * lm, x[i, j] * lm);
                shunt[i, j] = includeShunt ? new Complex(0, w * c[i, j] * cScale * 1e-9 * lm / 2.0) : Complex.Zero;
            }
        }
        var y = SmallMatrix.Invert(z);
        return y is null ? null : SmallMatrix.SeriesPrimitive(y, shunt);
    }

    private static Complex[,]? FromGeometry(LineElement line, LineGeometryElement geometry, double frequencyHz, bool includeShunt, Model.EarthModel earth)
    {
        var (zpm, ypm) = LineConstants.PerMetre(geometry, frequencyHz, line.EarthModel ?? earth, line.RhoOhmMetre);
        // OpenDSS converts per-metre values with the line's length units (none: metres).
        double metres = line.Length * (line.Units == LengthUnits.None ? 1.0 : line.Units.Metres());
        int n = zpm.GetLength(0);
        var z = new Complex[n, n];
        var shunt = new Complex[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                z[i, j] = zpm[i, j] * metres;
                shunt[i, j] = includeShunt ? ypm[i, j] * metres / 2.0 : Complex.Zero;
            }
        }
        var y = SmallMatrix.Invert(z);
        return y is null ? null : SmallMatrix.SeriesPrimitive(y, shunt);
    }
}
