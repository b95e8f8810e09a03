using System.Globalization;
using OpenG2G.Core.Composition;
using OpenG2G.Grid.Attachments;

namespace OpenG2G.Cli.Commands;

/// <summary>Parsing of <c>openg2g powerflow</c>'s repeatable options; each bad one adds a message naming the option and the form expected.</summary>
internal static class PowerflowArguments
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    internal static List<(AttachedLoad Load, double Kw, double Kvar)> Loads(string[] specs, List<string> errors)
    {
        var result = new List<(AttachedLoad, double, double)>();
        for (int i = 0; i < specs.Length; i++)
        {
            string s = specs[i];
            int eq = s.IndexOf('=');
            string[] target = eq > 0 ? s[..eq].Split('.') : [];
            string[] power = eq > 0 ? s[(eq + 1)..].Split(',') : [];
            if (target.Length != 2 || !int.TryParse(target[1], NumberStyles.None, Inv, out int phase) || phase is < 1 or > 3
                || power.Length != 2 || !double.TryParse(power[0], NumberStyles.Float, Inv, out double kw)
                || !double.TryParse(power[1], NumberStyles.Float, Inv, out double kvar))
            {
                errors.Add($"--load: expected BUS.PHASE=KW,KVAR with phase 1, 2 or 3, got '{s}'");
                continue;
            }
            var load = new AttachedLoad($"cli_load_{i + 1}", target[0], [phase], LoadConnection.Wye);
            result.Add((load, kw, kvar));
        }
        return result;
    }

    internal static List<(string, double)> Pairs(string[] specs, string option, string form, List<string> errors)
    {
        var result = new List<(string, double)>();
        foreach (string s in specs)
        {
            int eq = s.IndexOf('=');
            if (eq <= 0 || !double.TryParse(s[(eq + 1)..], NumberStyles.Float, Inv, out double value))
            {
                errors.Add($"{option}: expected {form}, got '{s}'");
                continue;
            }
            result.Add((s[..eq], value));
        }
        return result;
    }
}
