namespace OpenG2G.Grid.Model.Der;

/// <summary>A Storage element's state (OpenDSS's -1, 0, 1).</summary>
public enum StorageState
{
    Charging = -1,
    Idling = 0,
    Discharging = 1,
}
