using System.Diagnostics;
using OpenG2G.Core.Randomness;

namespace OpenG2G.Learning.Training;

public sealed partial class PpoTrainer
{
    private const int MaxChunks = 64;
    private readonly ChunkWorkspace[] _workspaces;
    private Samples? _samples;

    /// <summary>The last iteration's samples (tests).</summary>
    internal Samples? LastSamples => _samples;
    private float[] _policyGradient = [];
    private float[] _valueGradient = [];

    /// <summary>One iteration: collect, fold statistics, update, record the curve row.</summary>
    internal CurveRow RunIteration()
    {
        var clock = Stopwatch.StartNew();
        double lr = _options.LearningRate * (_options.LinearLearningRateDecay ? Math.Max(0.0, 1.0 - (double)Steps / _options.TotalSteps) : 1.0);
        (float[] mean, float[] std) = NormalisationSnapshot();
        double collectS = Collect(mean, std);
        UpdateStatistics();
        _samples = Samples.Gather(_episodes, Spaces.Observation.Size, Spaces.Action.Size, _samples);
        (double entropy, double kl, double clipped, double valueLoss) = Update(_samples, lr);
        int stepsNow = _episodes.Sum(e => e.Length);
        Steps += stepsNow;
        Iteration++;
        var row = new CurveRow(Iteration, Steps,
            _episodes.Average(e => e.EpisodeReturn), _episodes.Average(e => e.ViolationIntegralPuS), _episodes.Average(e => e.MeanThroughputTokensPerS),
            stepsNow / clock.Elapsed.TotalSeconds, stepsNow / collectS, lr, entropy, kl, clipped, valueLoss);
        Curve.Add(row);
        return row;
    }

    private (double Entropy, double Kl, double Clipped, double ValueLoss) Update(Samples s, double lr)
    {
        int m = Math.Min(_options.MinibatchSize, s.Count);
        int chunks = (m + ChunkWorkspace.Size - 1) / ChunkWorkspace.Size;
        if (chunks > MaxChunks)
            throw new ArgumentException($"minibatch_size {m} needs {chunks} chunks of {ChunkWorkspace.Size}; at most {MaxChunks * ChunkWorkspace.Size} samples per minibatch");
        for (int c = 0; c < chunks; c++)
            _workspaces[c] ??= new ChunkWorkspace(Policy, Value, Spaces.Observation.Size, Spaces.Action.Size);
        if (_policyGradient.Length != Policy.Parameters.Length)
        {
            _policyGradient = new float[Policy.Parameters.Length];
            _valueGradient = new float[Value.Parameters.Length];
        }
        var order = Enumerable.Range(0, s.Count).ToArray();
        double entropy = 0, kl = 0, clipped = 0, valueLoss = 0;
        long seen = 0;
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            SimRandom.ForStream(_seed, $"ppo/shuffle/{Iteration}/{epoch}").Shuffle(order);
            // Minibatches of m samples; a last, smaller remainder is dropped (it would weigh its samples more).
            for (int start = 0; start + m <= s.Count; start += m)
            {
                Minibatch(s, order.AsSpan(start, m), lr, chunks);
                for (int c = 0; c < chunks; c++)
                {
                    entropy += _workspaces[c].Entropy;
                    kl += _workspaces[c].ApproxKl;
                    clipped += _workspaces[c].Clipped;
                    valueLoss += _workspaces[c].ValueLoss;
                }
                seen += m;
            }
        }
        return seen == 0 ? (double.NaN, double.NaN, double.NaN, double.NaN) : (entropy / seen, kl / seen, clipped / seen, valueLoss / seen);
    }

    private void Minibatch(Samples s, ReadOnlySpan<int> indices, double lr, int chunks)
    {
        (_advantageMean, _advantageStd) = AdvantageMoments(s, indices);
        if (_batch.Length < indices.Length)
            _batch = new int[indices.Length];
        indices.CopyTo(_batch);
        _batchCount = indices.Length;
        _chunkBody ??= RunChunk;
        Parallel.For(0, chunks, _parallel, _chunkBody);
        Array.Clear(_policyGradient);
        Array.Clear(_valueGradient);
        for (int c = 0; c < chunks; c++)
        {
            Numerics.Networks.VectorMath.Add(_workspaces[c].PolicyGradient, _policyGradient);
            Numerics.Networks.VectorMath.Add(_workspaces[c].ValueParameterGradient, _valueGradient);
        }
        double norm = Math.Sqrt(SquaredNorm(_policyGradient) + SquaredNorm(_valueGradient));
        float scale = norm > _options.MaxGradientNorm ? (float)(_options.MaxGradientNorm / (norm + 1e-6)) : 1f;
        PolicyOptimiser.Step(Policy.Parameters, _policyGradient, lr, scale);
        ValueOptimiser.Step(Value.Parameters, _valueGradient, lr, scale);
    }

    private int[] _batch = [];
    private int _batchCount;
    private float _advantageMean, _advantageStd;
    private Action<int>? _chunkBody;

    /// <summary>The gradient of chunk <paramref name="c"/> of the current minibatch (run in parallel; each chunk writes only its workspace).</summary>
    private void RunChunk(int c)
    {
        int from = c * ChunkWorkspace.Size, count = Math.Min(ChunkWorkspace.Size, _batchCount - from);
        PpoLoss.Chunk(this, _samples!, _batch.AsSpan(from, count), _workspaces[c], _advantageMean, _advantageStd, _batchCount);
    }

    private static (float Mean, float Std) AdvantageMoments(Samples s, ReadOnlySpan<int> indices)
    {
        double sum = 0, sumSq = 0;
        foreach (int i in indices)
        {
            sum += s.Advantages[i];
            sumSq += (double)s.Advantages[i] * s.Advantages[i];
        }
        double mean = sum / indices.Length;
        double variance = Math.Max(sumSq / indices.Length - mean * mean, 0.0);
        return ((float)mean, (float)Math.Sqrt(variance) + 1e-8f);
    }

    private static double SquaredNorm(ReadOnlySpan<float> g)
    {
        double sum = 0;
        foreach (float x in g)
            sum += (double)x * x;
        return sum;
    }
}
