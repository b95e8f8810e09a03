using System.Numerics;
using OpenG2G.Grid.Dss;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.Model.Lines;
using OpenG2G.Grid.Network;

namespace OpenG2G.Grid.Tests.Model;

/// <summary>
/// Impedances from conductor geometry against Kersting's worked example (Distribution System Modeling
/// and Analysis, examples 4.1 and 5.1: 336,400 26/7 ACSR phases, 4/0 6/1 ACSR neutral, the IEEE 4-node
/// configuration), which the IEEE 4-node files also carry as line code 400 in ohms per mile.
/// </summary>
public sealed class LineConstantsTests
{
    private const double MetresPerMile = 1609.344;

    private static LineGeometryElement Geometry(string earth)
    {
        string text = $"""
            New Circuit.c
            Set EarthModel={earth}
            New WireData.conductor Runits=mi Rac=0.306 GMRunits=ft GMRac=0.0244 Radunits=in Diam=0.721
            New WireData.neutral Runits=mi Rac=0.592 GMRunits=ft GMRac=0.00814 Radunits=in Diam=0.563
            New LineGeometry.4wire nconds=4 nphases=3 reduce=yes
            ~ cond=1 wire=conductor units=ft x=-4 h=28
            ~ cond=2 wire=conductor units=ft x=-1.5 h=28
            ~ cond=3 wire=conductor units=ft x=3 h=28
            ~ cond=4 wire=neutral units=ft x=0 h=24
            """;
        var (model, diagnostics) = ModelBuilder.Build(DssReader.ReadText(text, "t.dss"));
        Assert.DoesNotContain(diagnostics, d => d.Severity == OpenG2G.Core.Diagnostics.Severity.Error);
        return model.Find<LineGeometryElement>("4wire")!;
    }

    [Fact]
    public void Carson_phase_impedances_match_Kersting_example_4_1()
    {
        var (z, _) = LineConstants.PerMetre(Geometry("carson"), 60.0, EarthModel.Carson);
        double[,] r = { { 0.4576, 0.1560, 0.1535 }, { 0.1560, 0.4666, 0.1580 }, { 0.1535, 0.1580, 0.4615 } };
        double[,] x = { { 1.0780, 0.5017, 0.3849 }, { 0.5017, 1.0482, 0.4236 }, { 0.3849, 0.4236, 1.0651 } };
        Assert.Equal(3, z.GetLength(0));
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Complex perMile = z[i, j] * MetresPerMile;
                // Kersting rounds his constants (0.0953, 7.93402) and results to 4 decimals.
                Assert.Equal(r[i, j], perMile.Real, 0.0006);
                Assert.Equal(x[i, j], perMile.Imaginary, 0.0006);
            }
        }
    }

    [Fact]
    public void Shunt_admittance_matches_Kersting_equations()
    {
        var (_, y) = LineConstants.PerMetre(Geometry("carson"), 60.0, EarthModel.Carson);
        // Kersting's equations (potential coefficients 11.17689 ln(S/R) mile/uF with images, neutral
        // eliminated, omega = 376.9911) evaluated for this geometry give these uS/mile; his printed example
        // rounds intermediate values (5.6711 for the first entry). OpenDSS's e0 = 8.854e-12 F/m is 0.07 %
        // off his constant, hence the tolerance.
        double[,] b = { { 5.6765, -1.8319, -0.6982 }, { -1.8319, 5.9809, -1.1645 }, { -0.6982, -1.1645, 5.3971 } };
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Complex perMile = y[i, j] * MetresPerMile * 1e6;
                Assert.Equal(0.0, perMile.Real, 1e-9);
                Assert.Equal(b[i, j], perMile.Imaginary, 0.006);
            }
        }
    }

    [Fact]
    public void Deri_earth_model_is_close_to_Carson_at_power_frequency()
    {
        // Both approximate the same earth-return integral; at 60 Hz and 100 ohm-m they differ by a
        // few percent at most on these distances (the skin effect adds a little resistance).
        var (carson, _) = LineConstants.PerMetre(Geometry("carson"), 60.0, EarthModel.Carson);
        var (deri, _) = LineConstants.PerMetre(Geometry("deri"), 60.0, EarthModel.Deri);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                Assert.True((deri[i, j] - carson[i, j]).Magnitude <= 0.05 * carson[i, j].Magnitude, $"({i},{j}): {deri[i, j]} vs {carson[i, j]}");
    }
}
