using OpenG2G.Numerics.Networks;

namespace OpenG2G.Learning.Training;

/// <summary>
/// Memory of one 64-sample chunk of a minibatch: network tapes, output gradients, the chunk's parameter
/// gradients and its loss statistics. One per chunk position, reused by every minibatch.
/// </summary>
internal sealed class ChunkWorkspace
{
    public const int Size = 64;

    public ChunkWorkspace(Mlp policy, Mlp value, int observationSize, int actionSize)
    {
        PolicyTape = new MlpTape(policy, Size);
        ValueTape = new MlpTape(value, Size);
        Observations = new float[Size * observationSize];
        Actions = new int[Size * actionSize];
        LogitGradient = new float[Size * policy.OutputSize];
        ValueGradient = new float[Size];
        PolicyGradient = new float[policy.Parameters.Length];
        ValueParameterGradient = new float[value.Parameters.Length];
    }

    public MlpTape PolicyTape { get; }

    public MlpTape ValueTape { get; }

    public float[] Observations { get; }

    public int[] Actions { get; }

    public float[] LogitGradient { get; }

    public float[] ValueGradient { get; }

    public float[] PolicyGradient { get; }

    public float[] ValueParameterGradient { get; }

    public double Entropy;
    public double ApproxKl;
    public double Clipped;
    public double ValueLoss;

    public void Clear()
    {
        Array.Clear(PolicyGradient);
        Array.Clear(ValueParameterGradient);
        Entropy = ApproxKl = Clipped = ValueLoss = 0;
    }
}
