namespace OpenG2G.Grid.Model.Shapes;

/// <summary>Which of a DSS load's shapes it follows over simulated time (OpenDSS's daily, yearly or duty mode).</summary>
public enum LoadShapeMode
{
    /// <summary>Loads stay at their nominal power (snapshot semantics).</summary>
    None,

    /// <summary>The load's <c>daily=</c> shape.</summary>
    Daily,

    /// <summary>The load's <c>yearly=</c> shape (its daily shape when it has none, as OpenDSS).</summary>
    Yearly,

    /// <summary>The load's <c>duty=</c> shape (its daily shape when it has none, as OpenDSS).</summary>
    Duty,
}
