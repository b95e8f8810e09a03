using OpenG2G.Grid.Model.Loads;
using OpenG2G.Grid.Model.Shapes;

namespace OpenG2G.Grid.PowerFlow;

/// <summary>DSS loads following their own load shapes over simulated time.</summary>
public sealed partial class Feeder
{
    private (double Watts, double Vars)[]? _nominalLoadPower;

    /// <summary>
    /// Scale every DSS load by its shape's multiplier at <paramref name="hours"/> (hours since the shape's
    /// start; OpenDSS's rule: the point nearest hours / interval, wrapping around) in <paramref name="mode"/>;
    /// <see cref="LoadShapeMode.None"/> restores nominal powers. Loads without the shape keep their nominal
    /// power; attachments are not touched. PVSystems (irradiance), Generators (kW) and Storage (follow and
    /// trigger dispatch) with a shape of that mode take its multiplier, applied at their next dispatch. Only injections change: no re-factorisation.
    /// </summary>
    public void ApplyLoadShapes(LoadShapeMode mode, double hours)
    {
        ApplyDerShapes(mode, hours);
        var loads = Network.LoadBranches;
        if (_nominalLoadPower is null)
        {
            _nominalLoadPower = new (double, double)[loads.Count];
            for (int k = 0; k < loads.Count; k++)
                _nominalLoadPower[k] = (loads[k].Watts, loads[k].Vars);
        }
        var owners = Network.LoadOwnerElements;
        for (int k = 0; k < loads.Count; k++)
        {
            var element = owners[loads[k].Owner];
            if (element is null || Network.IsAttachmentOwner(loads[k].Owner))
                continue;
            double m = Shape(element, mode)?.MultiplierAt(hours) ?? 1.0;
            var (w, q) = _nominalLoadPower[k];
            ref var b = ref _solver.Load(k);
            b.Watts = w * m;
            b.Vars = q * m;
        }
    }

    private static LoadShapeElement? Shape(LoadElement load, LoadShapeMode mode) => mode switch
    {
        LoadShapeMode.Daily => load.DailyShape,
        LoadShapeMode.Yearly => load.YearlyShape ?? load.DailyShape,
        LoadShapeMode.Duty => load.DutyShape ?? load.DailyShape,
        _ => null,
    };
}
