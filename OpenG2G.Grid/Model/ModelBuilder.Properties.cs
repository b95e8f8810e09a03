using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model;

/// <summary>Applying element properties: name matching, like=, enabled=.</summary>
public sealed partial class ModelBuilder
{
    private void ApplyParameters(DssElement element, DssCommand command, int start, int previous = -1)
    {
        // OpenDSS: a value without a name sets the property after the one set last (or the first).
        for (int i = start; i < command.Parameters.Length; i++)
            previous = ApplyParameter(element, command.Parameters[i], command, previous);
        element.EndEdit();
    }

    /// <summary>Apply one parameter; returns the index of the property it set (for positional values after it).</summary>
    private int ApplyParameter(DssElement element, DssParameter parameter, DssCommand command, int previous = -1)
    {
        if (element is MeasurementElement)
            return previous; // accepted, not simulated (noted once when created)
        string? property;
        var names = element.PropertyNames;
        if (parameter.IsPositional)
        {
            int next = previous + 1;
            if (next >= names.Count || names[next] is "like" or "enabled")
            {
                Error(parameter.NameLocation, command,
                    $"{element.FullName}: positional value '{parameter.Value}' follows the last {element.ClassName} property; write property=value");
                return previous;
            }
            property = names[next];
        }
        else
        {
            property = Resolve(element, parameter, command);
        }
        if (property is null)
            return previous;
        int index = IndexOf(names, property);
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
        return index;
    }

    private static int IndexOf(IReadOnlyList<string> names, string property)
    {
        for (int i = 0; i < names.Count; i++)
            if (names[i] == property)
                return i;
        return -1;
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
        // OpenDSS resolves an abbreviation to the first property (in its order) that starts with it.
        foreach (string n in names)
        {
            if (n.StartsWith(wanted, StringComparison.Ordinal))
                return n;
        }
        Error(parameter.NameLocation, command,
            $"{element.FullName}: unknown property '{parameter.Name}'; {element.ClassName} properties are {string.Join(", ", names)}");
        return null;
    }
}
