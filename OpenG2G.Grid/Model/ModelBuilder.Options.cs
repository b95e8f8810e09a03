using System.Collections.Immutable;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model;

/// <summary>The <c>Set</c> command: solution options.</summary>
public sealed partial class ModelBuilder
{
    private static readonly string[] OptionNames =
    [
        "voltagebases", "defaultbasefrequency", "controlmode", "mode", "tolerance", "maxiterations",
        "maxcontroliter", "loadmult", "algorithm", "datapath", "editor", "defaultbasefreq", "earthmodel",
        "casename", "showexport", "markcapacitors", "markregulators", "marktransformers", "voltexceptionreport",
        "demand", "diverbose", "genmult",
    ];

    private void SetOptions(DssCommand command)
    {
        foreach (var p in command.Parameters)
        {
            if (p.IsPositional)
            {
                Error(p.NameLocation, command, $"Set expects option=value, got '{p.Value}'");
                continue;
            }
            string name = p.Name.ToLowerInvariant();
            string? option = OptionNames.Contains(name) ? name : null;
            if (option is null)
            {
                Error(p.NameLocation, command, $"Set: unknown or unsupported option '{p.Name}'; supported: {string.Join(", ", OptionNames)}");
                continue;
            }
            try
            {
                _model.Options = Apply(_model.Options, option, p.Value);
            }
            catch (DssInputException e)
            {
                Error(e.Location, command, "Set: " + e.Message);
            }
        }
    }

    private static DssOptions Apply(DssOptions options, string option, DssValue value)
    {
        switch (option)
        {
            case "voltagebases":
                double[] bases = value.IsQuoted ? DssValueReader.Doubles(value, option) : [DssValueReader.Double(value, option)];
                if (bases.Length == 0 || bases.Any(b => b <= 0))
                    throw new DssInputException(value.Location, $"{option}: expected positive kV values, got '{value}'");
                return options with { VoltageBasesKv = bases.ToImmutableArray() };
            case "defaultbasefrequency" or "defaultbasefreq":
                return options with { DefaultBaseFrequencyHz = DssValueReader.Double(value, option) };
            case "controlmode":
                return options with
                {
                    ControlMode = value.Text.Trim().ToLowerInvariant() switch
                    {
                        "off" => ControlMode.Off,
                        "static" => ControlMode.Static,
                        "time" or "event" => ControlMode.Timed,
                        _ => throw new DssInputException(value.Location, $"{option}: expected off, static or time, got '{value}'"),
                    },
                };
            case "mode":
                string mode = value.Text.Trim().ToLowerInvariant();
                if (mode is not ("snapshot" or "snap" or "s"))
                    throw new DssInputException(value.Location, $"{option}: only snapshot mode is supported; the simulation kernel drives time");
                return options;
            case "tolerance":
                double tol = DssValueReader.Double(value, option);
                if (tol <= 0)
                    throw new DssInputException(value.Location, $"{option}: must be > 0, got '{value}'");
                return options with { Tolerance = tol };
            case "maxiterations":
                return options with { MaxIterations = DssValueReader.PositiveInt(value, option) };
            case "maxcontroliter":
                return options with { MaxControlIterations = DssValueReader.PositiveInt(value, option) };
            case "loadmult":
                return options with { LoadMultiplier = DssValueReader.Double(value, option) };
            case "genmult":
                return options with { GeneratorMultiplier = DssValueReader.Double(value, option) };
            case "algorithm":
                if (!value.Text.Trim().StartsWith("n", StringComparison.OrdinalIgnoreCase))
                    throw new DssInputException(value.Location, $"{option}: only the Normal (current injection) algorithm is supported, got '{value}'");
                return options;
            case "earthmodel":
                return options with
                {
                    EarthModel = value.Text.Trim().ToLowerInvariant() switch
                    {
                        "carson" or "simplecarson" => EarthModel.Carson,
                        "fullcarson" => EarthModel.FullCarson,
                        "deri" => EarthModel.Deri,
                        _ => throw new DssInputException(value.Location, $"{option}: expected Carson, FullCarson or Deri, got '{value}'"),
                    },
                };
            default: // datapath, editor, report and plot switches: no effect on the model
                return options;
        }
    }
}
