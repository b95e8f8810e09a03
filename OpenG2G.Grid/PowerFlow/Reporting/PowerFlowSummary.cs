using System.Globalization;
using System.Numerics;

namespace OpenG2G.Grid.PowerFlow.Reporting;

/// <summary>
/// The text summary of one solve, as <c>openg2g powerflow</c> prints it: convergence, iterations,
/// losses as OpenDSS reports them, the shunt capacitors' and reactors' power apart, source power, each
/// PVSystem, Storage and Generator's terminal power, and every regulator's tap named by its RegControl
/// and transformer.
/// </summary>
public static class PowerFlowSummary
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IEnumerable<string> Lines(Feeder feeder, PowerFlowResult r)
    {
        yield return "converged: yes";
        yield return string.Create(Inv, $"iterations: {r.Iterations} (control iterations: {r.ControlIterations})");
        yield return string.Create(Inv, $"losses: {r.LossesKw:F3} kW, {r.LossesKvar:F3} kvar (lines, transformers and series elements)");
        if (r.ShuntKw != 0 || r.ShuntKvar != 0)
            yield return string.Create(Inv, $"shunt capacitors and reactors: {r.ShuntKw:F3} kW, {r.ShuntKvar:F3} kvar");
        yield return string.Create(Inv, $"source: {r.SourcePowerKw:F3} kW, {r.SourceReactivePowerKvar:F3} kvar");
        foreach (var u in feeder.Ders)
        {
            Complex s = feeder.DerPhasePowers(u).Aggregate(Complex.Zero, (a, b) => a + b) / 1000.0 + Complex.Zero;
            yield return string.Create(Inv, $"{u.Element.FullName}: {s.Real:F3} kW, {s.Imaginary:F3} kvar (into the element)");
        }
        yield return r.Taps.IsEmpty
            ? "taps: none"
            : "taps: " + string.Join(" ", feeder.Regulators.Zip(r.Taps).Select(p =>
                string.Create(Inv, $"{p.Second.Regulator} ({p.First.Transformer.Name})={p.Second.TapRatio:F5} ({p.Second.TapStep:+0;-0;0})")));
    }
}
