using System.Collections.Immutable;
using System.Globalization;
using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Scenarios.Sweeps;

/// <summary>
/// Makes a <see cref="SweepRun"/> from the axis values of one combination: evaluates the derived parameters and lists
/// the overrides (fixed <c>set</c> entries, then the axes, then the derived values), each with its sweep-file location.
/// </summary>
public sealed class RunFactory
{
    private readonly ImmutableArray<SweepParameter> _parameters;
    private readonly ImmutableArray<(string Path, string Value, SourceLocation Location)> _fixed;
    private readonly ImmutableArray<(int Index, Expression Expression)> _derived;
    private readonly int _idWidth;

    internal RunFactory(ImmutableArray<SweepParameter> parameters, ImmutableArray<(string, string, SourceLocation)> fixedOverrides,
        ImmutableArray<(int, Expression)> derived, int combinations)
    {
        _parameters = parameters;
        _fixed = fixedOverrides;
        _derived = derived;
        _idWidth = Math.Max(5, combinations.ToString(CultureInfo.InvariantCulture).Length);
    }

    /// <summary>True when parameter <paramref name="index"/> is computed from the others.</summary>
    public bool IsDerived(int index) => _derived.Any(d => d.Index == index);

    /// <summary>The run id of combination <paramref name="combination"/> (and search probe <paramref name="probe"/>, -1 for none).</summary>
    public string RunId(int combination, int probe = -1) =>
        combination.ToString(CultureInfo.InvariantCulture).PadLeft(_idWidth, '0') + (probe < 0 ? string.Empty : "-p" + probe.ToString("00", CultureInfo.InvariantCulture));

    /// <summary>
    /// The run with the given axis values (<paramref name="values"/> aligned with the parameters; derived slots are
    /// filled here). Throws <see cref="InvalidInputException"/> when a derived value is not a finite number.
    /// </summary>
    public SweepRun Make(int combination, int probe, string scenarioPath, ImmutableArray<SweepValue> values, ulong? seed)
    {
        var all = values.ToBuilder();
        foreach ((int index, Expression e) in _derived)
        {
            double v = e.Evaluate(name => Lookup(all, name, index));
            if (!double.IsFinite(v))
                throw new InvalidInputException(Diagnostic.Error(_parameters[index].Location, _parameters[index].Name,
                    $"evaluates to {v.ToString(CultureInfo.InvariantCulture)} for run {RunId(combination, probe)} ({Describe(all, index)}); it must be a finite number"));
            all[index] = SweepValue.OfNumber(v);
        }
        var overrides = ImmutableArray.CreateBuilder<string>();
        var sources = ImmutableArray.CreateBuilder<SourceLocation>();
        foreach (var f in _fixed)
        {
            overrides.Add(f.Path + "=" + f.Value);
            sources.Add(f.Location);
        }
        for (int i = 0; i < _parameters.Length; i++)
        {
            if (_parameters[i].Path.Length == 0)
                continue;
            overrides.Add(_parameters[i].Path + "=" + all[i].OverrideText);
            sources.Add(_parameters[i].Location);
        }
        return new SweepRun(RunId(combination, probe), combination, probe, scenarioPath, all.ToImmutable(), seed, overrides.ToImmutable(), sources.ToImmutable());
    }

    private double Lookup(ImmutableArray<SweepValue>.Builder values, string name, int derivedIndex)
    {
        int i = _parameters.IndexOf(_parameters.FirstOrDefault(p => p.Name == name)!);
        // Names were checked when the expression was read; a text value cannot take part in arithmetic.
        SweepValue v = values[i];
        if (v.Type == SweepValueType.Text)
        {
            throw new InvalidInputException(Diagnostic.Error(_parameters[derivedIndex].Location, _parameters[derivedIndex].Name,
                $"uses '{name}', whose value '{v.Text}' is not a number"));
        }
        return v.AsDouble;
    }

    private string Describe(ImmutableArray<SweepValue>.Builder values, int upTo) =>
        string.Join(", ", Enumerable.Range(0, upTo).Select(i => _parameters[i].Name + " = " + values[i].Text));
}
