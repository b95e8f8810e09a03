using OpenG2G.Grid.Model.Der;
using OpenG2G.Grid.Network;

namespace OpenG2G.Grid.Der;

/// <summary>
/// A Generator's output: kW and kvar x GenMult (not for status=fixed) x the shape multiplier; off
/// (a tiny resistive load of 0.1 W per kW of rating, OpenDSS's stand-in) while load-level dispatch
/// holds it off. For model 3 the kvar is only the starting point, clamped to the var limits: the
/// solver then moves it to hold the voltage (<see cref="Solver.VoltageRegulatingGenerator"/>).
/// </summary>
public sealed class GeneratorUnit : DerUnit
{
    private readonly GeneratorElement _generator;

    public GeneratorUnit(GeneratorElement element, DerConnection connection)
        : base(element, connection)
    {
        _generator = element;
    }

    public GeneratorElement Generator => _generator;

    /// <summary>Model 3: the solver's voltage control, set when the feeder is built.</summary>
    internal Solver.VoltageRegulatingGenerator? VoltageControl { get; set; }

    public override void Reset()
    {
    }

    public override void Dispatch(DispatchContext context)
    {
        var g = _generator;
        if (g.IsOffAt(context.LoadMultiplier))
        {
            (OutputKw, OutputKvar) = (-0.1 * g.Kw / 1000.0, 0.0);
            return;
        }
        double factor = (g.IsFixed ? 1.0 : context.GeneratorMultiplier) * ShapeFactor;
        OutputKw = g.Kw * factor;
        OutputKvar = g.Model == 3 ? Math.Clamp(g.Kvar, g.KvarMin, g.KvarMax) : g.Kvar * factor;
    }
}
