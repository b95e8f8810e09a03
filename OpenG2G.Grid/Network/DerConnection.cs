using System.Collections.Immutable;
using OpenG2G.Grid.Model.Der;

namespace OpenG2G.Grid.Network;

/// <summary>A PVSystem, Storage or Generator in the compiled network: the element and the load branch of each of its phases.</summary>
public sealed record DerConnection(PowerConversionElement Element, ImmutableArray<int> Branches)
{
    internal DerConnection(PowerConversionElement element, int[] branches)
        : this(element, branches.ToImmutableArray())
    {
    }
}
