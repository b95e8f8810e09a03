using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model.Loads;

/// <summary>
/// How a load's kW and kvar follow from what was written, with OpenDSS's order-dependent rules:
/// <c>kW</c> selects kW with pf, <c>kvar</c> kW with kvar, <c>kVA</c> kVA with pf, <c>xfkVA</c> or
/// <c>AllocationFactor</c> the allocated load (kW = xfkVA x factor x |pf| at the pf in force when
/// either is written, and only when xfkVA &gt; 0: with xfkVA = 0 the load keeps its kW), <c>kWh</c>,
/// <c>kWhDays</c> or <c>CFactor</c> the energy-based load (kW = kWh / (24 days) x CFactor). At the end
/// of each edit (<see cref="Recalculate"/>) kvar follows the pf for kW-with-pf and kVA loads, and for
/// allocated and energy loads only when pf was written in that edit.
/// </summary>
internal sealed class LoadPowerSpec
{
    private enum Kind
    {
        KwPf,
        KwKvar,
        KvaPf,
        Allocated,
        Energy,
    }

    private Kind _kind = Kind.KwPf;
    private bool _pfChanged;
    private double _kva;
    private double _kwh;
    private double _kwhDays = 30.0;
    private double _cFactor = 4.0;

    /// <summary>kW (OpenDSS's kWBase); default 10.</summary>
    public double Kw { get; private set; } = 10.0;

    /// <summary>kvar (OpenDSS's kvarBase); the default 10 kW at pf 0.88 gives 5.397.</summary>
    public double Kvar { get; private set; } = 10.0 * Math.Sqrt(1.0 / (0.88 * 0.88) - 1.0);

    public double PowerFactor { get; private set; } = 0.88;
    public double ConnectedKva { get; private set; }
    public double AllocationFactor { get; private set; } = 0.5;

    public LoadPowerSpec Copy() => (LoadPowerSpec)MemberwiseClone();

    public void SetDirect(double kw, double kvar)
    {
        Kw = kw;
        Kvar = kvar;
        _kind = Kind.KwKvar;
    }

    /// <summary>Apply a power property; false when <paramref name="property"/> is not one.</summary>
    public bool TrySet(string property, DssValue value)
    {
        switch (property)
        {
            case "kw":
                Kw = DssValueReader.Double(value, property);
                _kind = Kind.KwPf;
                return true;
            case "pf":
                double pf = DssValueReader.Double(value, property);
                if (pf == 0 || Math.Abs(pf) > 1 || !double.IsFinite(pf))
                    throw new DssInputException(value.Location, $"{property}: power factor must be in [-1, 1] and not 0, got '{value}'");
                PowerFactor = pf;
                _pfChanged = true;
                return true;
            case "kvar":
                Kvar = DssValueReader.Double(value, property);
                _kind = Kind.KwKvar;
                return true;
            case "kva":
                _kva = DssValueReader.Double(value, property);
                _kind = Kind.KvaPf;
                return true;
            case "xfkva":
                ConnectedKva = DssValueReader.Double(value, property);
                _kind = Kind.Allocated;
                Allocate();
                return true;
            case "allocationfactor":
                AllocationFactor = DssValueReader.Double(value, property);
                _kind = Kind.Allocated;
                Allocate();
                return true;
            case "kwh" or "kwhdays" or "cfactor":
                double x = DssValueReader.Double(value, property);
                if (property == "kwh") _kwh = x;
                else if (property == "kwhdays") _kwhDays = x;
                else _cFactor = x;
                _kind = Kind.Energy;
                Allocate();
                return true;
            default:
                return false;
        }
    }

    /// <summary>OpenDSS's ComputeAllocatedLoad, run when an allocation or energy property is written.</summary>
    private void Allocate()
    {
        if (_kind == Kind.Allocated && ConnectedKva > 0)
            (Kw, Kvar) = (ConnectedKva * AllocationFactor * Math.Abs(PowerFactor), KvarAt(ConnectedKva * AllocationFactor * Math.Abs(PowerFactor)));
        else if (_kind == Kind.Energy && _kwhDays > 0)
            (Kw, Kvar) = (_kwh / (_kwhDays * 24.0) * _cFactor, KvarAt(_kwh / (_kwhDays * 24.0) * _cFactor));
    }

    /// <summary>OpenDSS's RecalcElementData at the end of an edit.</summary>
    public void Recalculate()
    {
        switch (_kind)
        {
            case Kind.KwPf:
                Kvar = KvarAt(Kw);
                break;
            case Kind.KwKvar:
                double kva = Math.Sqrt(Kw * Kw + Kvar * Kvar);
                if (kva > 0 && Kw != 0)
                    PowerFactor = Kvar != 0 ? Kw / kva * Math.Sign(Kw * Kvar) : Kw / kva;
                break;
            case Kind.KvaPf:
                Kw = _kva * Math.Abs(PowerFactor);
                Kvar = KvarAt(Kw);
                break;
            default:
                if (_pfChanged)
                    Kvar = KvarAt(Kw);
                break;
        }
        _pfChanged = false;
    }

    private double KvarAt(double kw)
    {
        double q = kw * Math.Sqrt(1.0 / (PowerFactor * PowerFactor) - 1.0);
        return PowerFactor < 0 ? -q : q;
    }
}
