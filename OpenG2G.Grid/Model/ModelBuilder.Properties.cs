using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model;

/// <summary>Applying element properties: name matching, like=, enabled=.</summary>
public sealed partial class ModelBuilder
{
    private void ApplyParameters(DssElement element, DssCommand command, int start)
    {
        for (int i = start; i < command.Parameters.Length; i++)
            ApplyParameter(element, command.Parameters[i], command);
    }

    private void ApplyParameter(DssElement element, DssParameter parameter, DssCommand command)
    {
        if (parameter.IsPositional)
        {
            Error(parameter.NameLocation, command,
                $"{element.FullName}: positional value '{parameter.Value}' is not supported; write property=value");
            return;
        }
        string? property = Resolve(element, parameter, command);
        if (property is null)
            return;
        try
        {
            switch (property)
            {
                case "like":
                    throw new DssInputException(parameter.NameLocation, "like= must come right after the object name in New");
                case "enabled":
                    element.Enabled = DssValueReader.YesNo(parameter.Value, property);
                    break;
                default:
                    element.Set(property, parameter.Value, _model);
                    break;
            }
        }
        catch (DssInputException e)
        {
            _diagnostics.Add(Diagnostic.Error(e.Location, string.Empty, $"{element.FullName}: {e.Message}{command.IncludeSuffix}"));
        }
    }

    private string? Resolve(DssElement element, DssParameter parameter, DssCommand command)
    {
        string wanted = parameter.Name.ToLowerInvariant();
        var names = element.PropertyNames;
        foreach (string n in names)
        {
            if (n == wanted)
                return n;
        }
        var candidates = names.Where(n => n.StartsWith(wanted, StringComparison.Ordinal)).ToList();
        if (candidates.Count == 1)
            return candidates[0];
        if (candidates.Count > 1)
        {
            Error(parameter.NameLocation, command,
                $"{element.FullName}: property '{parameter.Name}' is ambiguous; it could be {string.Join(", ", candidates)}");
            return null;
        }
        Error(parameter.NameLocation, command,
            $"{element.FullName}: unknown property '{parameter.Name}'; {element.ClassName} properties are {string.Join(", ", names)}");
        return null;
    }
}
