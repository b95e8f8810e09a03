namespace OpenG2G.Grid.Model.Lines;

/// <summary>
/// Series impedance and shunt capacitance per unit length, as sequence values or as phase matrices
/// (R and X in ohms, C in nF, per unit length). Shared by line codes and lines.
/// </summary>
internal sealed class ImpedanceData
{
    public int Phases = 3;
    public bool SymmetricalComponents = true;

    // OpenDSS defaults: ohms and nF per 1000 ft.
    public double R1 = 0.058, X1 = 0.1206, R0 = 0.1784, X0 = 0.4047, C1 = 3.4, C0 = 1.6;
    public double[,]? R, X, C;

    public ImpedanceData Copy()
    {
        var c = (ImpedanceData)MemberwiseClone();
        c.R = (double[,]?)R?.Clone();
        c.X = (double[,]?)X?.Clone();
        c.C = (double[,]?)C?.Clone();
        return c;
    }

    /// <summary>Switch to the matrix model, seeding unset matrices from the present sequence values.</summary>
    public void UseMatrices()
    {
        if (!SymmetricalComponents && R is not null && X is not null && C is not null)
            return;
        var (r, x, c) = SequenceMatrices();
        R ??= r;
        X ??= x;
        C ??= c;
        if (R.GetLength(0) != Phases) R = r;
        if (X.GetLength(0) != Phases) X = x;
        if (C.GetLength(0) != Phases) C = c;
        SymmetricalComponents = false;
    }

    /// <summary>R, X (ohms) and C (nF) matrices per unit length.</summary>
    public (double[,] R, double[,] X, double[,] C) Matrices() =>
        SymmetricalComponents || R is null || X is null || C is null ? SequenceMatrices() : (R, X, C);

    private (double[,], double[,], double[,]) SequenceMatrices()
    {
        // A 1-phase line carries only the positive-sequence impedance (OpenDSS sets Z0 = Z1).
        double r0 = Phases == 1 ? R1 : R0, x0 = Phases == 1 ? X1 : X0, c0 = Phases == 1 ? C1 : C0;
        int n = Phases;
        var r = new double[n, n];
        var x = new double[n, n];
        var c = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                bool d = i == j;
                r[i, j] = d ? (2 * R1 + r0) / 3 : (r0 - R1) / 3;
                x[i, j] = d ? (2 * X1 + x0) / 3 : (x0 - X1) / 3;
                c[i, j] = d ? (2 * C1 + c0) / 3 : (c0 - C1) / 3;
            }
        }
        return (r, x, c);
    }
}
