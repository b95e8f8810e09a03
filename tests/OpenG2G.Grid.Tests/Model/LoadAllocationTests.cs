using OpenG2G.Grid.Dss;
using OpenG2G.Grid.Model.Loads;
using OpenG2G.Grid.PowerFlow;

namespace OpenG2G.Grid.Tests.Model;

/// <summary>
/// How OpenDSS turns xfkVA x AllocationFactor into kW (EPRI ckt24 has 49 loads with xfkVA=0), checked
/// by hand: the kW is computed when xfkVA or AllocationFactor is written, at the pf in force then, and
/// only when xfkVA &gt; 0; a pf written in the same edit recomputes only the kvar.
/// </summary>
public sealed class LoadAllocationTests
{
    private const string Circuit = """
        New Circuit.c basekv=12.47 pu=1.0 MVAsc3=1000000 MVAsc1=1000000
        New Line.l bus1=sourcebus bus2=b r1=0.001 x1=0.001 r0=0.001 x0=0.001 length=1 units=km
        Set VoltageBases=[12.47]
        CalcVoltageBases
        """;

    private static Feeder Load(string loads) => Feeder.FromScript(DssReader.ReadText(Circuit + "\n" + loads, "alloc.dss"));

    [Fact]
    public void A_zero_xfkva_keeps_the_default_10_kw_and_its_kvar_follows_the_pf()
    {
        var feeder = Load("""
            New Load.zero bus1=b phases=1 kV=7.2 xfkVA=0 pf=0.98 model=1
            Load.zero.AllocationFactor=0.81012
            """);
        var load = feeder.Model.Find<LoadElement>("zero")!;
        double kvar = 10.0 * Math.Sqrt(1 / (0.98 * 0.98) - 1); // 2.0306 kvar
        Assert.Equal(10.0, load.Kw, 12);
        Assert.Equal(kvar, load.Kvar, 12);

        // Constant PQ inside the band: the solved load draws exactly that.
        feeder.Tolerance = 1e-12;
        feeder.Solve();
        var s = feeder.LoadBranchPower(0) / 1000.0;
        Assert.Equal(10.0, s.Real, 6);
        Assert.Equal(kvar, s.Imaginary, 6);
    }

    [Fact]
    public void A_positive_xfkva_is_allocated_at_the_pf_in_force_when_written()
    {
        var feeder = Load("""
            New Load.a bus1=b phases=1 kV=7.2 xfkVA=50 pf=0.9
            New Load.b bus1=b phases=1 kV=7.2 xfkVA=50 pf=0.9
            Load.b.AllocationFactor=0.4
            """);
        // a: xfkVA is written while pf is still the default 0.88: kW = 50 x 0.5 x 0.88 = 22; pf=0.9 in the same
        // edit then sets kvar = 22 x tan(acos 0.9) = 10.6551.
        var a = feeder.Model.Find<LoadElement>("a")!;
        Assert.Equal(22.0, a.Kw, 12);
        Assert.Equal(22.0 * Math.Sqrt(1 / 0.81 - 1), a.Kvar, 12);
        // b: the later AllocationFactor allocates again at pf 0.9: 50 x 0.4 x 0.9 = 18 kW, 8.7178 kvar.
        var b = feeder.Model.Find<LoadElement>("b")!;
        Assert.Equal(18.0, b.Kw, 12);
        Assert.Equal(18.0 * Math.Sqrt(1 / 0.81 - 1), b.Kvar, 12);
    }

    [Fact]
    public void Kw_after_kvar_selects_kw_with_pf_and_kvar_after_kw_keeps_both()
    {
        var feeder = Load("""
            New Load.pq bus1=b phases=1 kV=7.2 kW=100 kvar=30
            New Load.p bus1=b phases=1 kV=7.2 kvar=30 kW=100
            """);
        Assert.Equal(30.0, feeder.Model.Find<LoadElement>("pq")!.Kvar, 12);
        Assert.Equal(100.0 * Math.Sqrt(1 / (0.88 * 0.88) - 1), feeder.Model.Find<LoadElement>("p")!.Kvar, 12); // kW last: kW with the default pf 0.88
    }
}
