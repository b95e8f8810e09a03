namespace OpenG2G.Learning.Training;

/// <summary>
/// The Adam optimiser (Kingma and Ba) over one flat float32 parameter vector: first and second moment
/// estimates with bias correction, beta1 0.9, beta2 0.999, epsilon 1e-5 (as PPO implementations use).
/// Allocation-free per step.
/// </summary>
public sealed class Adam
{
    private const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-5;

    public Adam(int parameters)
    {
        FirstMoment = new float[parameters];
        SecondMoment = new float[parameters];
    }

    public float[] FirstMoment { get; }

    public float[] SecondMoment { get; }

    /// <summary>Steps taken (for bias correction).</summary>
    public long Steps { get; set; }

    /// <summary>parameters -= learningRate x m_hat / (sqrt(v_hat) + eps), with the moments updated from <paramref name="gradient"/> x <paramref name="scale"/>.</summary>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradient, double learningRate, float scale = 1f)
    {
        Steps++;
        double c1 = 1 - Math.Pow(Beta1, Steps), c2 = 1 - Math.Pow(Beta2, Steps);
        float step = (float)(learningRate * Math.Sqrt(c2) / c1);
        float eps = (float)(Epsilon * Math.Sqrt(c2));
        float[] m = FirstMoment, v = SecondMoment;
        for (int i = 0; i < parameters.Length; i++)
        {
            float g = gradient[i] * scale;
            m[i] = (float)Beta1 * m[i] + (float)(1 - Beta1) * g;
            v[i] = (float)Beta2 * v[i] + (float)(1 - Beta2) * g * g;
            parameters[i] -= step * m[i] / (MathF.Sqrt(v[i]) + eps);
        }
    }
}
