using System.Text;

namespace OpenG2G.Scenarios.Binding;

/// <summary>The one naming rule between C# and YAML: <c>PeakKwPerPhase</c> is <c>peak_kw_per_phase</c>.</summary>
public static class NameCase
{
    /// <summary>snake_case of a PascalCase member name: an underscore before every capital but the first, all lower-case.</summary>
    public static string ToSnake(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 8);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                    sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
