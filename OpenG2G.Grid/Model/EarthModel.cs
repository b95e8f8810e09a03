namespace OpenG2G.Grid.Model;

/// <summary>Earth-return model for impedances from conductor geometry (OpenDSS <c>Set EarthModel</c>).</summary>
public enum EarthModel
{
    /// <summary>Carson's equations with the first terms of the earth-return correction (OpenDSS "Carson").</summary>
    Carson,

    /// <summary>Carson's full series for the earth-return correction.</summary>
    FullCarson,

    /// <summary>Deri's complex-depth approximation (OpenDSS's default).</summary>
    Deri,
}
