namespace OpenG2G.Learning.Training;

/// <summary>
/// Running mean and variance per dimension (Chan et al.'s parallel update, in double), the statistics
/// observation normalisation and reward scaling use. Updated from whole batches in a fixed order, so the
/// result does not depend on threads.
/// </summary>
public sealed class RunningMoments
{
    public RunningMoments(int dimensions)
    {
        Mean = new double[dimensions];
        Variance = new double[dimensions];
        Array.Fill(Variance, 1.0);
        Count = 1e-4; // a tiny prior count, as is usual, so the first batch does not divide by zero
    }

    public double[] Mean { get; }

    public double[] Variance { get; }

    public double Count { get; private set; }

    public int Dimensions => Mean.Length;

    /// <summary>Merge the moments of <paramref name="rows"/> rows of <paramref name="values"/> (row-major [rows, dimensions]).</summary>
    public void Update(ReadOnlySpan<float> values, int rows)
    {
        if (rows == 0)
            return;
        int d = Dimensions;
        for (int j = 0; j < d; j++)
        {
            double sum = 0;
            for (int r = 0; r < rows; r++)
                sum += values[r * d + j];
            double batchMean = sum / rows, m2 = 0;
            for (int r = 0; r < rows; r++)
            {
                double e = values[r * d + j] - batchMean;
                m2 += e * e;
            }
            Merge(j, batchMean, m2 / rows, rows);
        }
        Count += rows;
    }

    /// <summary>Merge one scalar batch (dimension 0) given as its mean, variance and size.</summary>
    public void UpdateScalar(double batchMean, double batchVariance, int rows)
    {
        Merge(0, batchMean, batchVariance, rows);
        Count += rows;
    }

    /// <summary>Restore saved statistics (checkpoint).</summary>
    public void Restore(ReadOnlySpan<double> mean, ReadOnlySpan<double> variance, double count)
    {
        mean.CopyTo(Mean);
        variance.CopyTo(Variance);
        Count = count;
    }

    private void Merge(int j, double batchMean, double batchVariance, int rows)
    {
        double total = Count + rows;
        double delta = batchMean - Mean[j];
        Mean[j] += delta * rows / total;
        Variance[j] = (Variance[j] * Count + batchVariance * rows + delta * delta * Count * rows / total) / total;
    }
}
