using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model;

/// <summary>
/// A circuit element or library object defined in a DSS script, with OpenDSS's defaults until
/// properties are set. Each type lists its property names (matched case-insensitively, exact or
/// by unique prefix like OpenDSS) and applies one property at a time in the order written,
/// because OpenDSS's properties have order-dependent side effects.
/// </summary>
public abstract class DssElement
{
    protected DssElement(string className, string name, SourceLocation definedAt)
    {
        ClassName = className;
        Name = name;
        DefinedAt = definedAt;
    }

    /// <summary>Canonical class name, e.g. <c>Line</c>.</summary>
    public string ClassName { get; }

    /// <summary>Name as the user spelled it at definition.</summary>
    public string Name { get; private set; }

    /// <summary>Lower-case name (DSS names are case-insensitive).</summary>
    public string Key => Name.ToLowerInvariant();

    /// <summary><c>Class.name</c> as the user spelled the name.</summary>
    public string FullName => ClassName + "." + Name;

    /// <summary>Where the element was created.</summary>
    public SourceLocation DefinedAt { get; private set; }

    public bool Enabled { get; internal set; } = true;

    /// <summary>Property names in OpenDSS's order.</summary>
    internal abstract IReadOnlyList<string> PropertyNames { get; }

    /// <summary>Apply one property (canonical lower-case name). Throws <see cref="DssInputException"/> for bad values.</summary>
    internal abstract void Set(string property, DssValue value, DssModel model);

    /// <summary>
    /// Called after each command (New, Edit, <c>~</c>, BatchEdit) has applied its properties, like
    /// OpenDSS's end of an edit: elements whose values derive from several properties recompute them here.
    /// </summary>
    internal virtual void EndEdit()
    {
    }

    /// <summary>A copy of this element under a new name (for <c>like=</c>).</summary>
    internal DssElement CloneAs(string name, SourceLocation definedAt)
    {
        var copy = (DssElement)MemberwiseClone();
        copy.Name = name;
        copy.DefinedAt = definedAt;
        copy.DeepCopyArrays();
        return copy;
    }

    /// <summary>Replace mutable array members by copies after <see cref="CloneAs"/>.</summary>
    protected virtual void DeepCopyArrays()
    {
    }

    public override string ToString() => FullName;
}
