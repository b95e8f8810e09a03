using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.PowerFlow;

namespace OpenG2G.Grid.Tests.Dss;

/// <summary>
/// Values OpenDSS would take without a word but that make no physical sense, or are not numbers at all,
/// are errors at file:line:column saying what OpenDSS would have done; whole messages pinned.
/// </summary>
public sealed class RangeCheckTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("openg2g-dss-range-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Source = "New Circuit.t basekv=12.47 bus1=src\n";
    private const string Regulator =
        "New Transformer.reg phases=1 windings=2 buses=[src.1 b.1] kvs=[7.2 7.2] kvas=[1000 1000] xhl=0.01\n" +
        "New RegControl.creg transformer=reg winding=2 vreg=120 band=2 ptratio=60\n";

    private string[] Errors(string text)
    {
        string path = Path.Combine(_dir, "main.dss");
        File.WriteAllText(path, text);
        var e = Assert.Throws<InvalidInputException>(() => Feeder.Load(path));
        return e.Errors.Select(d => d.ToString().Replace(_dir + Path.DirectorySeparatorChar, "")).ToArray();
    }

    [Fact]
    public void A_negative_line_length_is_refused()
    {
        Assert.Equal(
            ["main.dss:2:36: Line.l1: length: a line length must be > 0, got '-2'; OpenDSS would scale the impedances by it (a negative length gives a negative resistance, a line that generates power; for a closed switch write Switch=y)"],
            Errors(Source + "New Line.l1 bus1=src bus2=b length=-2 units=km\n"));
    }

    [Fact]
    public void A_three_phase_line_code_on_a_two_phase_line_is_refused()
    {
        Assert.Equal(
            ["main.dss:3:55: Line.l1: linecode: LineCode.c3 has 3 phase(s), but phases=2 is given at main.dss:3:20; OpenDSS would silently make the line 3-phase (its buses name 2 node(s)): use a 2-phase line code"],
            Errors(Source + "New LineCode.c3 nphases=3 r1=0.1 x1=0.2 units=km\nNew Line.l1 phases=2 bus1=src.1.2 bus2=b.1.2 linecode=c3 length=1 units=km\n"));
    }

    [Fact]
    public void Taps_beyond_maxtap_are_refused_where_they_are_written()
    {
        Assert.Equal(
            ["main.dss:2:78: Transformer.reg: winding 2: tap 1.5 is outside [mintap 0.9, maxtap 1.1] (OpenDSS would solve with it and clamp it at the regulator's first move); give a tap inside, or widen mintap/maxtap"],
            Errors(Source + Regulator.Replace("kvs=[7.2 7.2]", "kvs=[7.2 7.2] taps=[1.0 1.5]", StringComparison.Ordinal)));
    }

    [Fact]
    public void Maxtap_below_mintap_is_refused()
    {
        Assert.Equal(
            ["main.dss:4:35: Transformer.reg: winding 2: maxtap 0.85 must be above mintap 0.9 (OpenDSS would give the taps a negative step)"],
            Errors(Source + Regulator + "Edit Transformer.reg wdg=2 maxtap=0.85\n"));
    }

    [Fact]
    public void Zero_tap_steps_are_refused()
    {
        Assert.Equal(
            ["main.dss:4:36: Transformer.reg: numtaps: the number of tap steps must be >= 1, got '0'; OpenDSS divides the tap range by it (a step of (maxtap - mintap) / 0)"],
            Errors(Source + Regulator + "Edit Transformer.reg wdg=2 numtaps=0\n"));
    }

    [Fact]
    public void A_negative_regulated_voltage_and_band_are_refused()
    {
        Assert.Equal(
            [
                "main.dss:3:52: RegControl.creg: vreg: the regulated voltage (volts on the PT secondary) must be > 0, got '-120'; OpenDSS would accept it, and the regulator would run its taps to a limit and never settle",
                "main.dss:3:62: RegControl.creg: band: the bandwidth (volts on the PT secondary) must be > 0, got '-2'; OpenDSS would accept it, and the regulator would run its taps to a limit and never settle",
            ],
            Errors(Source + Regulator.Replace("vreg=120 band=2", "vreg=-120 band=-2", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("nan", "got 'nan'")]
    [InlineData("Infinity", "got 'Infinity'")]
    [InlineData("1e999", "got '1e999'")]
    [InlineData("(1 0 /)", "but '(1 0 /)' evaluates to Infinity")]
    public void Non_finite_numbers_are_refused(string length, string got)
    {
        Assert.Equal(
            [$"main.dss:2:36: Line.l1: length: expected a finite number, {got}; OpenDSS would carry the NaN or infinity into the solution"],
            Errors(Source + $"New Line.l1 bus1=src bus2=b length={length} units=km\n"));
    }

    [Fact]
    public void A_non_finite_array_item_is_refused()
    {
        Assert.Equal(
            ["main.dss:3:11: LineCode.c: rmatrix: item 2 of '[1 NaN 3]' is not a finite number ('NaN'); OpenDSS would carry it into the solution"],
            Errors(Source + "New LineCode.c nphases=2\n~ rmatrix=[1 NaN 3]\n"));
    }

    // Found by the fuzzer: finite values whose admittance is not finite used to reach the LU as NaN.

    [Fact]
    public void A_load_rated_at_zero_kv_is_refused()
    {
        Assert.Equal(
            ["main.dss:3:31: Load.l: kv: the load's rated voltage in kV must be > 0, got '0'; OpenDSS would divide by it"],
            Errors(Source + "New Line.l1 bus1=src bus2=b length=1 units=km\nNew Load.l bus1=b phases=3 kv=0 kw=100 kvar=10\n"));
    }

    [Fact]
    public void An_element_whose_admittance_overflows_is_refused_at_its_definition()
    {
        Assert.Equal(
            ["main.dss:2:5: Line.l1: its admittance is not a finite number (a rating, voltage, impedance or length that is 0 or out of range gives a division by zero or an overflow; OpenDSS would not solve the circuit)"],
            Errors(Source + "New Line.l1 bus1=src bus2=b r1=1e-320 x1=1e-320 r0=1e-320 x0=1e-320 length=1 units=km\n"));
    }
}
