using System.Numerics;
using OpenG2G.Grid.Model.Loads;
using OpenG2G.Grid.Network;
using OpenG2G.Grid.Solver;

namespace OpenG2G.Grid.Tests.Solver;

/// <summary>Load models against hand calculations of OpenDSS's documented behaviour.</summary>
public sealed class LoadCurrentTests
{
    private static LoadBranch Branch(LoadModel model) => new()
    {
        From = 0, To = -1, Model = model, BaseVolts = 2400, Watts = 100_000, Vars = 50_000,
        VminPu = 0.95, VmaxPu = 1.05, VlowPu = 0.5, CvrWatts = 1, CvrVars = 2,
    };

    private static Complex Power(LoadModel model, double pu)
    {
        var v = Complex.FromPolarCoordinates(2400 * pu, 0.3);
        return v * Complex.Conjugate(LoadCurrent.At(Branch(model), v));
    }

    [Theory]
    [InlineData(0.96)]
    [InlineData(1.0)]
    [InlineData(1.04)]
    public void Model1_is_constant_power_inside_the_band(double pu)
    {
        var s = Power(LoadModel.ConstantPq, pu);
        Assert.Equal(100_000, s.Real, 6);
        Assert.Equal(50_000, s.Imaginary, 6);
    }

    [Fact]
    public void Model1_above_vmaxpu_is_the_impedance_matched_at_vmaxpu()
    {
        var s = Power(LoadModel.ConstantPq, 1.10);
        Assert.Equal(100_000 * (1.10 / 1.05) * (1.10 / 1.05), s.Real, 6);
    }

    [Fact]
    public void Model1_between_vlowpu_and_vminpu_interpolates_current_magnitude()
    {
        // |I| grows linearly from the nominal admittance's current at 0.5 pu to the constant-power
        // current at 0.95 pu; power = V |I| at the load's power factor.
        double iNominalAtLow = Math.Sqrt(100e3 * 100e3 + 50e3 * 50e3) / 2400 * 0.5;
        double iAtMin = Math.Sqrt(100e3 * 100e3 + 50e3 * 50e3) / (0.95 * 2400);
        double at090 = iNominalAtLow + (iAtMin - iNominalAtLow) * (0.90 - 0.5) / (0.95 - 0.5);
        var s = Power(LoadModel.ConstantPq, 0.90);
        Assert.Equal(0.90 * 2400 * at090 * 100e3 / Math.Sqrt(100e3 * 100e3 + 50e3 * 50e3), s.Real, 4);
        Assert.Equal(0.5 * 0.5 * 100e3, Power(LoadModel.ConstantPq, 0.5).Real, 4); // nominal admittance at vlowpu
    }

    [Fact]
    public void Models_2_4_and_5_follow_their_voltage_laws_in_band()
    {
        Assert.Equal(100e3 * 0.97 * 0.97, Power(LoadModel.ConstantZ, 0.97).Real, 6);
        Assert.Equal(100e3 * 0.97, Power(LoadModel.LinearPQuadraticQ, 0.97).Real, 6);
        Assert.Equal(50e3 * 0.97 * 0.97, Power(LoadModel.LinearPQuadraticQ, 0.97).Imaginary, 6);
        Assert.Equal(100e3 * 0.97, Power(LoadModel.ConstantI, 0.97).Real, 6);
        Assert.Equal(50e3 * 0.97, Power(LoadModel.ConstantI, 0.97).Imaginary, 6);
    }
}
