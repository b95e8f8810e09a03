using OpenG2G.Core.Commands;
using OpenG2G.Core.Time;

namespace OpenG2G.Grid.Components;

/// <summary>Commands: SetTaps and SetBatteryPower.</summary>
public sealed partial class OpenDssGrid
{
    public void Apply(GridCommand command, SimTime now)
    {
        switch (command)
        {
            case SetTaps taps:
                foreach (var (name, ratio) in taps.TapRatios.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    var reg = _feeder.FindRegulator(name)
                        ?? throw new ArgumentException($"grid '{Name}' has no regulator '{name}'; it has {string.Join(", ", _feeder.Regulators.Select(r => r.Name))}");
                    if (ratio < reg.TapWinding.MinTap - 1e-12 || ratio > reg.TapWinding.MaxTap + 1e-12)
                        throw new ArgumentException($"tap ratio {ratio} for '{name}' is outside [{reg.TapWinding.MinTap}, {reg.TapWinding.MaxTap}]");
                    _feeder.SetTap(reg, ratio);
                }
                break;
            case SetBatteryPower battery:
                var slot = _slots.FirstOrDefault(s => s.Der is Der.StorageUnit && s.Name.Equals(battery.Battery, StringComparison.OrdinalIgnoreCase))
                    ?? throw new ArgumentException($"grid '{Name}' has no battery '{battery.Battery}'");
                // The command charges with positive kW and consumes positive kvar; Storage discharges and supplies with positive ones.
                // It takes effect at the next step, after the energy of the interval before it has moved.
                slot.PendingCommand = (-battery.PowerKw, -battery.ReactivePowerKvar);
                break;
            default:
                throw new NotSupportedException($"{nameof(OpenDssGrid)} does not handle {command.GetType().Name}");
        }
    }
}
