using OpenG2G.Core.Composition;
using OpenG2G.Grid.Model.Der;

namespace OpenG2G.Grid.Attachments;

/// <summary>
/// A PVSystem or Storage added to a feeder by a scenario rather than its DSS files: the element (built
/// in code, with the scenario's ratings) connects three phases of <see cref="Bus"/>, wye to ground or
/// delta, at the bus's base voltage, which the compiler fills in. It then runs exactly as a DSS-defined
/// one of its class.
/// </summary>
public sealed record AttachedDer(string Name, string Bus, LoadConnection Connection, InverterElement Element);
