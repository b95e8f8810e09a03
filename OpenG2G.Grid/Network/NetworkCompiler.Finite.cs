using System.Numerics;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Model.Loads;

namespace OpenG2G.Grid.Network;

/// <summary>
/// Finite values can still give admittances that are not (a kV of 0, an impedance of 1e-320, a rating of
/// 1e308); one such entry would make the whole matrix NaN. Each is reported at the element that made it.
/// </summary>
public static partial class NetworkCompiler
{
    private const string NotFinite =
        "its admittance is not a finite number (a rating, voltage, impedance or length that is 0 or out of range " +
        "gives a division by zero or an overflow; OpenDSS would not solve the circuit)";

    private static bool CheckFiniteBranches(FeederNetwork net, List<Diagnostic> diagnostics)
    {
        bool ok = true;
        foreach (Primitive p in net.Branches.Concat(net.Sources.Select(s => s.Primitive)))
        {
            if (IsFinite(p.Y))
                continue;
            ok = false;
            diagnostics.Add(Diagnostic.Error(p.Element.DefinedAt, string.Empty, $"{p.Element.FullName}: {NotFinite}"));
        }
        return ok;
    }

    private static bool CheckFiniteLoads(FeederNetwork net, List<Diagnostic> diagnostics)
    {
        var reported = new HashSet<int>();
        foreach (LoadBranch b in net.LoadBranches)
        {
            Complex y = FeederNetwork.NominalAdmittance(b);
            if (double.IsFinite(y.Real) && double.IsFinite(y.Imaginary) || !reported.Add(b.Owner))
                continue;
            // A PVSystem, Storage or Generator has no LoadElement; its name is the owner's.
            LoadElement? load = net.LoadOwnerElements[b.Owner];
            diagnostics.Add(Diagnostic.Error(load?.DefinedAt ?? SourceLocation.None, string.Empty, $"{load?.FullName ?? net.LoadOwners[b.Owner]}: {NotFinite}"));
        }
        return reported.Count == 0;
    }

    private static bool IsFinite(Complex[,] y)
    {
        foreach (Complex c in y)
        {
            if (!double.IsFinite(c.Real) || !double.IsFinite(c.Imaginary))
                return false;
        }
        return true;
    }
}
