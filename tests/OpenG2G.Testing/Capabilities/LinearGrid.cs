using System.Collections.Immutable;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Testing.Capabilities;

/// <summary>
/// A grid whose voltages are exactly linear in the attached powers:
/// V = V0 + offset(t) + tap shifts + sum over attachments and phases of (dV/dP P + dV/dQ Q), with each
/// datacenter's reactive power following its power factor. Its sensitivities are therefore exact,
/// which lets controller tests separate the controller from power-flow nonlinearity. Test fake.
/// </summary>
public sealed class LinearGrid : IGrid, IVoltageSensitivityProvider, IGridTopology, ITapChanger, IBatteryFleet
{
    private readonly double[] _baseVoltagePu;
    private readonly Dictionary<string, Attachment> _attachments = new(StringComparer.Ordinal);
    private readonly List<(RegulatorInfo Info, double InitialRatio)> _regulators = new();
    private readonly Dictionary<string, double> _tapRatios = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double PowerKw, double ReactiveKvar)> _batteryPower = new(StringComparer.Ordinal);

    public LinearGrid(string name, TimeSpan period, BusPhaseIndex nodes, IReadOnlyList<double> baseVoltagePu)
    {
        if (baseVoltagePu.Count != nodes.Count)
            throw new ArgumentException("one base voltage per node is needed");
        Name = name;
        Period = period;
        Nodes = nodes;
        _baseVoltagePu = baseVoltagePu.ToArray();
    }

    public string Name { get; }
    public TimeSpan Period { get; }
    public BusPhaseIndex Nodes { get; }
    public ImmutableHashSet<string> ExcludedBuses { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>A disturbance added to every node voltage (pu) as a function of time.</summary>
    public Func<SimTime, double>? OffsetPu { get; init; }

    public ImmutableArray<RegulatorInfo> Regulators => _regulators.Select(r => r.Info).ToImmutableArray();
    public ImmutableArray<BatteryInfo> Batteries { get; private set; } = ImmutableArray<BatteryInfo>.Empty;

    /// <summary>Commands applied, in order.</summary>
    public List<(SimTime Time, GridCommand Command)> Applied { get; } = new();

    /// <summary>Calls of <see cref="ComputeSensitivity"/> so far (all runs).</summary>
    public int SensitivityRequests { get; private set; }

    /// <summary>Attach datacenter <paramref name="name"/> with sensitivities (nodes x 3, row-major; pu per kW / kvar).</summary>
    public void AddDatacenter(string name, string bus, double powerFactor, double[] dvDpPuPerKw, double[] dvDqPuPerKvar) =>
        _attachments.Add(name, new Attachment(bus, powerFactor, new VoltageSensitivity(Nodes, dvDpPuPerKw, dvDqPuPerKvar), false));

    /// <summary>Attach a battery; its commanded power (total, split evenly over phases) moves voltages through the sensitivities.</summary>
    public void AddBattery(BatteryInfo info, double[] dvDpPuPerKw, double[] dvDqPuPerKvar)
    {
        _attachments.Add(info.Name, new Attachment(info.Bus, 1.0, new VoltageSensitivity(Nodes, dvDpPuPerKw, dvDqPuPerKvar), true));
        Batteries = Batteries.Add(info);
    }

    /// <summary>Add a regulator: nodes on its phases move by (ratio - initial ratio) pu.</summary>
    public void AddRegulator(RegulatorInfo info, double initialRatio)
    {
        _regulators.Add((info, initialRatio));
        _tapRatios[info.Name] = initialRatio;
    }

    public string BusOf(string attachment) =>
        _attachments.TryGetValue(attachment, out Attachment? a) ? a.Bus : throw new ArgumentException($"unknown attachment '{attachment}'");

    public VoltageSensitivity ComputeSensitivity(string attachment)
    {
        SensitivityRequests++;
        return _attachments.TryGetValue(attachment, out Attachment? a) ? a.Sensitivity : throw new ArgumentException($"unknown attachment '{attachment}'");
    }

    public void Reset(RunContext context)
    {
        foreach (Attachment a in _attachments.Values)
            a.PowerKw = ThreePhase.Zero;
        _tapRatios.Clear();
        foreach ((RegulatorInfo info, double initial) in _regulators)
            _tapRatios[info.Name] = initial;
        _batteryPower.Clear();
        Applied.Clear();
    }

    public void Start()
    {
    }

    public void Stop()
    {
    }

    public GridState Step(SimTime now, IReadOnlyList<DatacenterState> samples)
    {
        foreach (DatacenterState s in samples)
        {
            if (_attachments.TryGetValue(s.Datacenter, out Attachment? a))
                a.PowerKw = s.PowerW * 0.001;
        }
        double offset = OffsetPu?.Invoke(now) ?? 0.0;
        var v = new double[Nodes.Count];
        for (int n = 0; n < v.Length; n++)
            v[n] = _baseVoltagePu[n] + offset + TapShift(Nodes.Nodes[n].Phase);
        foreach (var (name, a) in _attachments)
        {
            ThreePhase p = a.PowerKw, q;
            if (a.IsBattery)
            {
                (double pk, double qk) = _batteryPower.GetValueOrDefault(name);
                p = ThreePhase.Uniform(pk / 3.0);
                q = ThreePhase.Uniform(qk / 3.0);
            }
            else
            {
                q = p * Math.Tan(Math.Acos(a.PowerFactor));
            }
            for (int n = 0; n < v.Length; n++)
            {
                for (int ph = 0; ph < 3; ph++)
                    v[n] += a.Sensitivity.DvDpPuPerKw(n, ph) * p[ph] + a.Sensitivity.DvDqPuPerKvar(n, ph) * q[ph];
            }
        }
        return new GridState
        {
            Time = now,
            Nodes = Nodes,
            VoltagePu = v.ToImmutableArray(),
            VoltageAngleDeg = ImmutableArray.Create(new double[v.Length]),
            Taps = _regulators.Select(r => new TapState(r.Info.Name, _tapRatios[r.Info.Name],
                (int)Math.Round((_tapRatios[r.Info.Name] - 1.0) / r.Info.StepRatio))).ToImmutableArray(),
        };
    }

    public void Apply(GridCommand command, SimTime now)
    {
        switch (command)
        {
            case SetTaps taps:
                foreach (var (regulator, ratio) in taps.TapRatios)
                {
                    if (!_tapRatios.ContainsKey(regulator))
                        throw new ArgumentException($"unknown regulator '{regulator}'");
                    _tapRatios[regulator] = ratio;
                }
                break;
            case SetBatteryPower battery:
                if (!Batteries.Any(b => b.Name == battery.Battery))
                    throw new ArgumentException($"unknown battery '{battery.Battery}'");
                _batteryPower[battery.Battery] = (battery.PowerKw, battery.ReactivePowerKvar);
                break;
            default:
                throw new NotSupportedException($"{nameof(LinearGrid)} does not handle {command.GetType().Name}");
        }
        Applied.Add((now, command));
    }

    private double TapShift(int phase)
    {
        double shift = 0;
        foreach ((RegulatorInfo info, double initial) in _regulators)
        {
            if (info.Phases.Contains(phase))
                shift += _tapRatios[info.Name] - initial;
        }
        return shift;
    }

    private sealed class Attachment(string bus, double powerFactor, VoltageSensitivity sensitivity, bool isBattery)
    {
        public string Bus { get; } = bus;
        public double PowerFactor { get; } = powerFactor;
        public VoltageSensitivity Sensitivity { get; } = sensitivity;
        public bool IsBattery { get; } = isBattery;
        public ThreePhase PowerKw { get; set; }
    }
}
