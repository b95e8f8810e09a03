using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OpenG2G.Scenarios.Schema;

/// <summary>
/// The <c>&lt;summary&gt;</c> of an options property, read from the XML documentation file the compiler
/// writes next to its assembly (<c>OpenG2G.Controllers.xml</c> beside <c>OpenG2G.Controllers.dll</c>),
/// as plain one-line text: <c>&lt;see cref="X.Y"/&gt;</c> becomes <c>Y</c>, <c>&lt;c&gt;x&lt;/c&gt;</c> becomes <c>x</c>.
/// An assembly without such a file (a plug-in built without it) simply has no descriptions.
/// </summary>
internal static partial class XmlDocs
{
    private static readonly Dictionary<Assembly, Dictionary<string, string>> Loaded = new();

    public static string? Summary(PropertyInfo property)
    {
        Type? declaring = property.DeclaringType;
        if (declaring?.FullName is not string typeName)
            return null;
        Dictionary<string, string> members;
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(declaring.Assembly, out members!))
                Loaded[declaring.Assembly] = members = Load(declaring.Assembly);
        }
        return members.GetValueOrDefault("P:" + typeName.Replace('+', '.') + "." + property.Name);
    }

    private static Dictionary<string, string> Load(Assembly assembly)
    {
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(assembly.Location))
            return members;
        string file = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(file))
            return members;
        foreach (XElement member in XDocument.Load(file).Descendants("member"))
        {
            if (member.Attribute("name")?.Value is string name && member.Element("summary") is XElement summary)
                members[name] = Flatten(summary);
        }
        return members;
    }

    private static string Flatten(XElement summary)
    {
        var text = new StringBuilder();
        foreach (XNode node in summary.Nodes())
        {
            text.Append(node switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "see" or "seealso" } e => CrefTail(e),
                XElement { Name.LocalName: "paramref" or "typeparamref" } e => e.Attribute("name")?.Value ?? "",
                XElement e => e.Value,
                _ => "",
            });
        }
        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    private static string CrefTail(XElement see)
    {
        if (see.Attribute("langword")?.Value is string word)
            return word;
        string cref = see.Attribute("cref")?.Value ?? see.Value;
        int colon = cref.IndexOf(':', StringComparison.Ordinal);
        string name = colon >= 0 ? cref[(colon + 1)..] : cref;
        int paren = name.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
            name = name[..paren];
        int dot = name.LastIndexOf('.');
        return dot >= 0 ? name[(dot + 1)..] : name;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
