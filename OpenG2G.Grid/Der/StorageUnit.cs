using OpenG2G.Grid.Model.Der;
using OpenG2G.Grid.Network;

namespace OpenG2G.Grid.Der;

/// <summary>
/// A Storage element's state and output, OpenDSS's way. Discharging delivers %Discharge of kWrated and
/// charging draws %Charge of it (both at the terminal, capped at kWrated x %kWrated), while there is
/// energy above the reserve (room below kWhrated); idling draws %IdlingkW of kWrated. Energy moves at
/// the end of each interval (<see cref="Integrate"/>) with the terminal power actually drawn:
/// discharging removes (P + P_idling) / efficiency x hours, charging adds (P - P_idling) x efficiency x
/// hours; reaching the reserve or full capacity clamps the energy and turns it to idling.
/// </summary>
public sealed partial class StorageUnit : InverterUnit
{
    private readonly StorageElement _storage;

    public StorageUnit(StorageElement element, DerConnection connection)
        : base(element, connection)
    {
        _storage = element;
        Reset();
    }

    public StorageState State { get; private set; }
    public double ChargePercent { get; private set; }
    public double DischargePercent { get; private set; }
    public double KwhStored { get; private set; }

    public StorageElement Storage => _storage;

    /// <summary>State of charge, fraction of kWhrated.</summary>
    public double StateOfChargeFraction => KwhStored / _storage.KwhRated;

    private double IdlingKw => _storage.IdlingKwPercent * _storage.KwRated / 100.0;

    public override void Reset()
    {
        base.Reset();
        State = _storage.State;
        ChargePercent = _storage.ChargePercent;
        DischargePercent = _storage.DischargePercent;
        KwhStored = _storage.KwhStored;
    }

    /// <summary>
    /// A power command (OpenDSS's kW property): positive discharges, negative charges, zero idles; and the
    /// reactive power, kvar supplied (null keeps the power factor).
    /// </summary>
    public void Command(double dischargeKw, double? kvarSupplied)
    {
        if (dischargeKw > 0)
            (State, DischargePercent) = (KwhStored > _storage.KwhReserve ? StorageState.Discharging : StorageState.Idling, dischargeKw / _storage.KwRated * 100.0);
        else if (dischargeKw < 0)
            (State, ChargePercent) = (KwhStored < _storage.KwhRated ? StorageState.Charging : StorageState.Idling, -dischargeKw / _storage.KwRated * 100.0);
        else
            State = StorageState.Idling;
        if (kvarSupplied is { } q)
            (KvarRequested, VarModeKvar) = (q, true);
    }

    /// <summary>Follow-mode and trigger dispatch from the shape level at the present time (OpenDSS's CheckStateTriggerLevel).</summary>
    public void ApplyShapeLevel(double level)
    {
        ShapeFactor = level;
        const double epsilon = 1e-12;
        var s = _storage;
        if (s.DispatchMode == StorageDispatchMode.Follow)
        {
            State = level > 0 && KwhStored - s.KwhReserve > epsilon ? StorageState.Discharging
                : level < 0 && KwhStored - s.KwhRated < -epsilon ? StorageState.Charging
                : StorageState.Idling;
            return;
        }
        if (s.DispatchMode != StorageDispatchMode.Default || (s.ChargeTrigger == 0 && s.DischargeTrigger == 0))
            return;
        if (State == StorageState.Charging && s.ChargeTrigger != 0 && (s.ChargeTrigger < level || KwhStored >= s.KwhRated))
            State = StorageState.Idling;
        else if (State == StorageState.Discharging && s.DischargeTrigger != 0 && (s.DischargeTrigger > level || KwhStored <= s.KwhReserve))
            State = StorageState.Idling;
        if (State == StorageState.Idling)
        {
            if (s.DischargeTrigger != 0 && s.DischargeTrigger < level && KwhStored > s.KwhReserve)
                State = StorageState.Discharging;
            else if (s.ChargeTrigger != 0 && s.ChargeTrigger > level && KwhStored < s.KwhRated)
                State = StorageState.Charging;
        }
    }

    public override void Dispatch(DispatchContext context)
    {
        double kw = PresentKw();
        var (p, q) = InverterOutput(kw);
        OutputKw = p;
        OutputKvar = q;
    }

    /// <summary>OpenDSS's ComputePresentkW: the terminal kW of the state (may fall back to idling).</summary>
    private double PresentKw()
    {
        var s = _storage;
        bool follow = s.DispatchMode == StorageDispatchMode.Follow;
        if (State == StorageState.Charging)
        {
            if (KwhStored < s.KwhRated)
            {
                if (follow)
                    ChargePercent = Math.Abs(ShapeFactor) * 100.0;
                return follow ? s.KwRated * ShapeFactor : -s.KwRated * ChargePercent / 100.0;
            }
            State = StorageState.Idling;
        }
        else if (State == StorageState.Discharging)
        {
            if (KwhStored > s.KwhReserve)
            {
                if (follow)
                    DischargePercent = Math.Abs(ShapeFactor) * 100.0;
                return follow ? s.KwRated * ShapeFactor : s.KwRated * DischargePercent / 100.0;
            }
            State = StorageState.Idling;
        }
        return -IdlingKw;
    }
}
