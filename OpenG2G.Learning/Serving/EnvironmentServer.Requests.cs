using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Learning.Environment;
using OpenG2G.Scenarios.Results;

namespace OpenG2G.Learning.Serving;

public sealed partial class EnvironmentServer
{
    private readonly record struct ResetEntry(int Index, ulong Seed, string[] Overrides);

    private void Reset(ReadOnlySpan<byte> payload, FrameChannel channel)
    {
        var r = new PayloadReader(payload, "reset");
        uint n = r.UInt32("count");
        if (n == 0 || n > Count)
            throw new ProtocolException(ErrorCode.Argument, $"reset: count must be 1..{Count} (the server's environments), got {n}");
        var entries = new ResetEntry[n];
        var seen = new HashSet<int>();
        for (int j = 0; j < n; j++)
        {
            string at = $"entry {j}";
            uint index = r.UInt32(at + " environment");
            ulong seed = r.UInt64(at + " seed");
            string text = r.Text(at + " overrides");
            if (index >= Count)
                throw new ProtocolException(ErrorCode.Argument, $"reset: {at}: environment {index} does not exist; the server has environments 0..{Count - 1}");
            if (!seen.Add((int)index))
                throw new ProtocolException(ErrorCode.Argument, $"reset: {at}: environment {index} is named twice");
            string[] overrides = text.Length == 0 ? [] : text.Split('\n');
            entries[j] = new ResetEntry((int)index, seed, overrides);
        }
        r.End();

        int d = _observationSize;
        float[] obs = new float[entries.Length * d];
        var problems = new string?[entries.Length];
        var simulation = new bool[entries.Length];
        For(entries.Length, j =>
        {
            ResetEntry e = entries[j];
            _ready[e.Index] = false;
            try
            {
                _environments[e.Index].Reset(e.Seed, obs.AsSpan(j * d, d), e.Overrides);
                _ready[e.Index] = true;
            }
            catch (InvalidInputException x)
            {
                problems[j] = string.Join("; ", x.Errors.Select(p => p.ToString()));
            }
            catch (Exception x) when (x is SimulationException or InvalidOperationException)
            {
                problems[j] = x.Message;
                simulation[j] = x is SimulationException;
            }
        });
        if (problems.Any(p => p is not null))
        {
            foreach (ResetEntry e in entries)
                _ready[e.Index] = false;
            var text = new StringBuilder("reset failed; every environment of the request needs a new reset:");
            for (int j = 0; j < entries.Length; j++)
            {
                if (problems[j] is string p)
                    text.Append(CultureInfo.InvariantCulture, $" environment {entries[j].Index}: {p}");
            }
            throw new ProtocolException(simulation.Any(s => s) ? ErrorCode.Simulation : ErrorCode.InvalidInput, text.ToString());
        }
        channel.Begin(MessageType.ResetOk);
        channel.PutUInt32(n);
        channel.PutBytes(Bytes<float>(obs));
        channel.Send();
    }

    private void Step(ReadOnlySpan<byte> payload, FrameChannel channel)
    {
        int k = Count, a = _actionSize, d = _observationSize, m = Protocol.InfoNames.Count;
        if (payload.Length != k * a * 4)
            throw new ProtocolException(ErrorCode.Malformed, $"step: expected {k} x {a} int32 actions ({k * a * 4} bytes), got {payload.Length} bytes");
        MemoryMarshal.Cast<byte, int>(payload).CopyTo(_actions);
        for (int i = 0; i < k; i++)
        {
            if (!_ready[i])
                throw new ProtocolException(ErrorCode.State, $"step: environment {i} needs a reset (its episode ended, failed or never started); nothing was stepped");
            for (int j = 0; j < a; j++)
            {
                int v = _actions[i * a + j], size = Spaces.Action.Sizes[j];
                if ((uint)v >= (uint)size)
                    throw new ProtocolException(ErrorCode.Argument, $"step: environment {i}, action dimension {j} '{Spaces.Action.Names[j]}' takes 0..{size - 1}, got {v}; nothing was stepped");
            }
        }
        For(k, i =>
        {
            GridEnvironment env = _environments[i];
            _failed[i] = false;
            _texts[i] = null;
            try
            {
                _outcomes[i] = env.Step(_actions.AsSpan(i * a, a), _observations.AsSpan(i * d, d));
                StepInfo info = env.LastInfo!;
                Span<double> row = _info.AsSpan(i * m, m);
                row[0] = info.TimeS;
                row[1] = info.ViolationIntegralPuS;
                row[2] = info.ViolationSquaredPu2;
                row[3] = info.MinVoltagePu;
                row[4] = info.MeasuredThroughputTokensPerS;
                row[5] = info.LatencyExcess;
                row[6] = info.Switches;
                row[7] = info.Reward;
                if (_outcomes[i].Done)
                {
                    _ready[i] = false;
                    using var text = new MemoryStream();
                    SummaryWriter.Write(text, info.Summary!);
                    _texts[i] = Encoding.UTF8.GetString(text.ToArray());
                }
            }
            catch (Exception x) when (x is SimulationException or InvalidOperationException)
            {
                _ready[i] = false;
                _failed[i] = true;
                _texts[i] = x.Message;
                _outcomes[i] = default;
                _observations.AsSpan(i * d, d).Clear();
                _info.AsSpan(i * m, m).Fill(double.NaN);
            }
        });
        channel.Begin(MessageType.StepOk);
        channel.PutBytes(Bytes<float>(_observations));
        Span<byte> rewards = channel.Reserve(8 * k);
        Span<byte> flags = channel.Reserve(3 * k);
        for (int i = 0; i < k; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(rewards[(8 * i)..], _outcomes[i].Reward);
            flags[i] = _outcomes[i].Terminated ? (byte)1 : (byte)0;
            flags[k + i] = _outcomes[i].Truncated ? (byte)1 : (byte)0;
            flags[2 * k + i] = _failed[i] ? (byte)1 : (byte)0;
        }
        channel.PutBytes(Bytes<double>(_info));
        for (int i = 0; i < k; i++)
            channel.PutText(_texts[i] ?? string.Empty);
        channel.Send();
    }

    private void For(int count, Action<int> body)
    {
        if (count == 1)
            body(0);
        else
            Parallel.For(0, count, _parallel, body);
    }
}
