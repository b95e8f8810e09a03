using System.Collections.Immutable;

namespace OpenG2G.Numerics.Qp;

/// <summary>
/// A starting point for the ADMM iterations: primal x (length n) and dual y (length m), e.g. the
/// previous solution of a nearby problem, shifted. z starts at A x.
/// </summary>
/// <param name="X">Primal start (n values).</param>
/// <param name="Y">Dual start (m values); default (empty) starts the duals at zero.</param>
public sealed record QpWarmStart(ImmutableArray<double> X, ImmutableArray<double> Y = default);
