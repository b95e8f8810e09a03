using System.Collections.Immutable;

namespace OpenG2G.Core.Capabilities;

/// <summary>
/// Forecast power of one attachment as load (consumption positive, PV negative), per forecast instant.
/// </summary>
/// <param name="Name">Attachment name.</param>
/// <param name="Kind"><c>pv</c> or <c>load</c>.</param>
/// <param name="Bus">Bus it connects to.</param>
/// <param name="PowerKw">Real power per phase in kW at each forecast instant.</param>
/// <param name="ReactivePowerKvar">Reactive power per phase in kvar at each forecast instant.</param>
public sealed record AttachmentForecast(
    string Name,
    string Kind,
    string Bus,
    ImmutableArray<States.ThreePhase> PowerKw,
    ImmutableArray<States.ThreePhase> ReactivePowerKvar);
