namespace OpenG2G.Controllers.StorageDroop;

/// <summary>What a <c>storage-droop</c> controller sets (YAML: <c>qv</c>, <c>pv</c>).</summary>
public enum StorageDroopMode
{
    /// <summary>Reactive power against voltage (limit: the inverter's kVA rating).</summary>
    Qv,

    /// <summary>Real power against voltage (limit: the kW rating).</summary>
    Pv,
}
