using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Learning.Training;

/// <summary>
/// The trainer's state at an iteration boundary (binary, little-endian; no episode is under way there):
/// iteration and steps, both networks' parameters, both Adam optimisers' moments and step counts, the
/// observation and return statistics and the training curve so far. With the seed-named random streams
/// that is everything, so a resumed training continues exactly as an uninterrupted one. A fingerprint of
/// the training and scenario files guards against resuming with different settings.
/// </summary>
public static class Checkpoint
{
    public const string FileName = "checkpoint.bin";
    private const string Magic = "OPENG2G-PPO-CHECKPOINT";
    private const int Version = 1;

    public static void Write(string path, PpoTrainer t, string fingerprint)
    {
        string temp = path + ".tmp";
        using (var w = new BinaryWriter(File.Create(temp)))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write(fingerprint);
            w.Write(t.Iteration);
            w.Write(t.Steps);
            Floats(w, t.Policy.Parameters);
            Floats(w, t.Value.Parameters);
            Optimiser(w, t.PolicyOptimiser);
            Optimiser(w, t.ValueOptimiser);
            Moments(w, t.ObservationStatistics);
            Moments(w, t.ReturnStatistics);
            w.Write(t.Curve.Count);
            foreach (CurveRow r in t.Curve)
            {
                w.Write(r.Iteration);
                w.Write(r.Steps);
                foreach (double x in new[] { r.MeanEpisodeReturn, r.MeanViolationIntegralPuS, r.MeanThroughputTokensPerS, r.StepsPerS, r.EnvironmentStepsPerS, r.LearningRate, r.Entropy, r.ApproxKl, r.ClipFraction, r.ValueLoss })
                    w.Write(x);
            }
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Restore <paramref name="t"/>; throws <see cref="InvalidInputException"/> for another format or other settings.</summary>
    public static void Read(string path, PpoTrainer t, string fingerprint)
    {
        using var r = new BinaryReader(File.OpenRead(path));
        try
        {
            if (r.ReadString() != Magic || r.ReadInt32() != Version)
                throw Invalid(path, "not a version-1 openg2g PPO checkpoint");
            if (r.ReadString() != fingerprint)
                throw Invalid(path, "was written for a different training file or scenario; delete it or train into another folder");
            t.Iteration = r.ReadInt32();
            t.Steps = r.ReadInt64();
            ReadFloats(r, t.Policy.Parameters);
            ReadFloats(r, t.Value.Parameters);
            ReadOptimiser(r, t.PolicyOptimiser);
            ReadOptimiser(r, t.ValueOptimiser);
            ReadMoments(r, t.ObservationStatistics);
            ReadMoments(r, t.ReturnStatistics);
            int rows = r.ReadInt32();
            t.Curve.Clear();
            for (int i = 0; i < rows; i++)
            {
                int iteration = r.ReadInt32();
                long steps = r.ReadInt64();
                double[] x = Enumerable.Range(0, 10).Select(_ => r.ReadDouble()).ToArray();
                t.Curve.Add(new CurveRow(iteration, steps, x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9]));
            }
        }
        catch (EndOfStreamException)
        {
            throw Invalid(path, "is truncated");
        }
    }

    private static InvalidInputException Invalid(string path, string message) =>
        new(Diagnostic.Error(new SourceLocation(path, 0, 0), "", message));

    private static void Floats(BinaryWriter w, float[] values)
    {
        w.Write(values.Length);
        foreach (float v in values)
            w.Write(v);
    }

    private static void ReadFloats(BinaryReader r, float[] into)
    {
        int n = r.ReadInt32();
        if (n != into.Length)
            throw new InvalidInputException(Diagnostic.Error(SourceLocation.None, "", $"the checkpoint holds {n} values where the networks have {into.Length}"));
        for (int i = 0; i < n; i++)
            into[i] = r.ReadSingle();
    }

    private static void Optimiser(BinaryWriter w, Adam a)
    {
        w.Write(a.Steps);
        Floats(w, a.FirstMoment);
        Floats(w, a.SecondMoment);
    }

    private static void ReadOptimiser(BinaryReader r, Adam a)
    {
        a.Steps = r.ReadInt64();
        ReadFloats(r, a.FirstMoment);
        ReadFloats(r, a.SecondMoment);
    }

    private static void Moments(BinaryWriter w, RunningMoments m)
    {
        w.Write(m.Dimensions);
        w.Write(m.Count);
        for (int i = 0; i < m.Dimensions; i++)
        {
            w.Write(m.Mean[i]);
            w.Write(m.Variance[i]);
        }
    }

    private static void ReadMoments(BinaryReader r, RunningMoments m)
    {
        int n = r.ReadInt32();
        double count = r.ReadDouble();
        if (n != m.Dimensions)
            throw new InvalidInputException(Diagnostic.Error(SourceLocation.None, "", $"the checkpoint's statistics have {n} dimensions, the observation {m.Dimensions}"));
        var mean = new double[n];
        var variance = new double[n];
        for (int i = 0; i < n; i++)
        {
            mean[i] = r.ReadDouble();
            variance[i] = r.ReadDouble();
        }
        m.Restore(mean, variance, count);
    }
}
