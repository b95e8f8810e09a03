using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OpenG2G.Numerics.Sparse;

public sealed partial class SparseLu
{
    /// <summary>
    /// Solves A x = b in place with the current factors: on entry the right-hand side b (indexed
    /// by original row), on return x (indexed by original column). Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The span's length is not <see cref="Size"/>.</exception>
    /// <exception cref="InvalidOperationException">No successful factorisation yet (or the last one failed).</exception>
    public void Solve(Span<Complex> rhsInSolutionOut)
    {
        ThrowIfNotReady(rhsInSolutionOut.Length, nameof(rhsInSolutionOut));
        int n = Size;
        var y = _solveWork;
        for (int k = 0; k < n; k++)
            y[k] = rhsInSolutionOut[_rowOfPosition[k]];

        // The factors' row indices are all < n by construction (the factorisation wrote them), so the
        // substitutions index without bounds checks: this loop is the whole cost of a re-solve.
        ref Complex yRef = ref MemoryMarshal.GetArrayDataReference(y);
        ForwardLower(ref yRef, n, _lower);
        BackwardUpper(ref yRef, n, _upper, _pivotInverses);

        for (int k = 0; k < n; k++)
            rhsInSolutionOut[_columnOrder[k]] = y[k];
    }

    private static void ForwardLower(ref Complex y, int n, FactorColumns lower)
    {
        var starts = lower.Starts;
        ref int rows = ref MemoryMarshal.GetArrayDataReference(lower.Indices);
        ref Complex values = ref MemoryMarshal.GetArrayDataReference(lower.Values);
        for (int j = 0; j < n; j++)
        {
            // Nodal injections are often zero at most nodes; their columns have nothing to spread.
            Complex yj = Unsafe.Add(ref y, j);
            double yr = yj.Real, yi = yj.Imaginary;
            if (yr == 0.0 && yi == 0.0)
                continue;
            int end = starts[j + 1];
            for (int p = starts[j]; p < end; p++)
            {
                ref Complex target = ref Unsafe.Add(ref y, Unsafe.Add(ref rows, p));
                Complex a = Unsafe.Add(ref values, p);
                target = new Complex(target.Real - (a.Real * yr - a.Imaginary * yi), target.Imaginary - (a.Real * yi + a.Imaginary * yr));
            }
        }
    }

    private static void BackwardUpper(ref Complex y, int n, FactorColumns upper, Complex[] pivotInverses)
    {
        var starts = upper.Starts;
        ref int rows = ref MemoryMarshal.GetArrayDataReference(upper.Indices);
        ref Complex values = ref MemoryMarshal.GetArrayDataReference(upper.Values);
        for (int j = n - 1; j >= 0; j--)
        {
            ref Complex yjRef = ref Unsafe.Add(ref y, j);
            Complex yj = yjRef * pivotInverses[j];
            yjRef = yj;
            double yr = yj.Real, yi = yj.Imaginary;
            int end = starts[j + 1];
            for (int p = starts[j]; p < end; p++)
            {
                ref Complex target = ref Unsafe.Add(ref y, Unsafe.Add(ref rows, p));
                Complex a = Unsafe.Add(ref values, p);
                target = new Complex(target.Real - (a.Real * yr - a.Imaginary * yi), target.Imaginary - (a.Real * yi + a.Imaginary * yr));
            }
        }
    }

    /// <summary>
    /// Solves A^T x = b in place (the plain transpose, not the conjugate transpose), as adjoint
    /// sensitivities need: on entry b (indexed by original column), on return x (indexed by
    /// original row). Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The span's length is not <see cref="Size"/>.</exception>
    /// <exception cref="InvalidOperationException">No successful factorisation yet (or the last one failed).</exception>
    public void SolveTransposed(Span<Complex> rhsInSolutionOut)
    {
        ThrowIfNotReady(rhsInSolutionOut.Length, nameof(rhsInSolutionOut));
        int n = Size;
        var y = _solveWork;
        for (int k = 0; k < n; k++)
            y[k] = rhsInSolutionOut[_columnOrder[k]];

        // (P A Q)^T = U^T L^T: forward with U^T (rows of U^T are U's columns), then back with L^T.
        var upperStarts = _upper.Starts;
        var upperRows = _upper.Indices;
        var upperValues = _upper.Values;
        for (int j = 0; j < n; j++)
        {
            Complex sum = y[j];
            for (int p = upperStarts[j]; p < upperStarts[j + 1]; p++)
                sum -= upperValues[p] * y[upperRows[p]];
            y[j] = sum * _pivotInverses[j];
        }

        var lowerStarts = _lower.Starts;
        var lowerRows = _lower.Indices;
        var lowerValues = _lower.Values;
        for (int j = n - 1; j >= 0; j--)
        {
            Complex sum = y[j];
            for (int p = lowerStarts[j]; p < lowerStarts[j + 1]; p++)
                sum -= lowerValues[p] * y[lowerRows[p]];
            y[j] = sum;
        }

        for (int k = 0; k < n; k++)
            rhsInSolutionOut[_rowOfPosition[k]] = y[k];
    }

    private void ThrowIfNotReady(int length, string parameterName)
    {
        if (length != Size)
            throw new ArgumentException(
                $"the right-hand side has {length} entries; the matrix has {Size} rows", parameterName);
        if (!_factored)
            throw new InvalidOperationException("no factors to solve with: call Factor (or Refactor) first, and successfully");
    }
}
