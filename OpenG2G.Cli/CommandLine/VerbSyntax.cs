using System.Reflection;
using Spectre.Console.Cli;

namespace OpenG2G.Cli.CommandLine;

/// <summary>An option of a verb, from its <see cref="CommandOptionAttribute"/>: <c>--seed &lt;N&gt;</c> or the flag <c>--quiet</c>.</summary>
internal sealed record OptionSyntax(string LongName, string? ValueName, Type ValueType, bool Repeatable, bool Required = false, string Description = "")
{
    public bool IsFlag => ValueName is null;

    public string Usage
    {
        get
        {
            string text = "--" + LongName + (IsFlag ? string.Empty : " <" + ValueName + ">");
            return (Required ? text : "[" + text + "]") + (Repeatable ? "..." : string.Empty);
        }
    }
}

/// <summary>A positional argument of a verb, from its <see cref="CommandArgumentAttribute"/>.</summary>
internal sealed record ArgumentSyntax(int Position, string ValueName, bool Required, bool Many, string Description)
{
    public string Usage => (Required ? "<" + ValueName + ">" : "[" + ValueName + "]") + (Many ? "..." : string.Empty);
}

/// <summary>The options and arguments of one verb, read from its settings type.</summary>
internal sealed record VerbSyntax(IReadOnlyList<OptionSyntax> Options, IReadOnlyList<ArgumentSyntax> Arguments)
{
    public static VerbSyntax Of(Type settings)
    {
        var options = new List<OptionSyntax>();
        var arguments = new List<ArgumentSyntax>();
        foreach (PropertyInfo p in settings.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            bool many = p.PropertyType.IsArray;
            Type valueType = many ? p.PropertyType.GetElementType()! : Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            string description = p.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>()?.Description ?? string.Empty;
            if (p.GetCustomAttribute<CommandOptionAttribute>() is { } o)
                options.Add(new OptionSyntax(o.LongNames[0], o.ValueName, valueType, many, o.IsRequired, description));
            else if (p.GetCustomAttribute<CommandArgumentAttribute>() is { } a)
                arguments.Add(new ArgumentSyntax(a.Position, a.ValueName, a.IsRequired, many, description));
        }
        return new VerbSyntax(options, arguments.OrderBy(a => a.Position).ToList());
    }

    public OptionSyntax? Option(string longName) => Options.FirstOrDefault(o => o.LongName == longName);
}
