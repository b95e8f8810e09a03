namespace OpenG2G.Grid.Profiles;

/// <summary>A dimensionless multiplier of an attachment's peak power against simulation time in seconds.</summary>
public interface IProfile
{
    double ValueAt(double timeS);
}
