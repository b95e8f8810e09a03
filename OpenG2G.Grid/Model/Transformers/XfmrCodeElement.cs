using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model.Transformers;

/// <summary>
/// A transformer data sheet (OpenDSS XfmrCode): phases, windings, ratings, reactances and losses
/// that transformers copy with <c>xfmrcode=</c>; the transformer keeps its own buses. Properties and
/// defaults are the Transformer's.
/// </summary>
public sealed class XfmrCodeElement : DssElement
{
    private static readonly string[] Excluded = ["bus", "buses", "xfmrcode", "bank", "sub", "subname", "enabled"];
    private static readonly string[] Names = TransformerElement.AllPropertyNames.Where(n => !Excluded.Contains(n)).ToArray();

    public XfmrCodeElement(string name, SourceLocation definedAt)
        : base("XfmrCode", name, definedAt)
    {
        Data = new TransformerElement(name, definedAt);
    }

    /// <summary>The data, held as a transformer without buses.</summary>
    internal TransformerElement Data { get; private set; }

    internal override IReadOnlyList<string> PropertyNames => Names;

    protected override void DeepCopyArrays() => Data = (TransformerElement)Data.CloneAs(Data.Name, Data.DefinedAt);

    internal override void Set(string property, DssValue value, DssModel model) => Data.Set(property, value, model);
}
