namespace OpenG2G.Grid.Model.Der;

/// <summary>How a Storage element's state is set over time (OpenDSS's DispMode).</summary>
public enum StorageDispatchMode
{
    /// <summary>Its state as written; with charge/discharge triggers, the shape level switches it.</summary>
    Default,

    /// <summary>The shape gives the power in pu of kWrated: positive discharges, negative charges.</summary>
    Follow,

    /// <summary>Only commands (a controller) set it.</summary>
    External,
}
