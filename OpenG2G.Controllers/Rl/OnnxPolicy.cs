using System.Globalization;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenG2G.Core.Randomness;

namespace OpenG2G.Controllers.Rl;

/// <summary>
/// A policy exported to ONNX (for example from PyTorch or stable-baselines3). Convention (docs/rl.md):
/// one float32 input of shape [batch, observation size] holding the raw observation in the order of the
/// scenario's observation space (any normalisation belongs inside the graph); the first output is either
/// float32 logits [batch, sum of action sizes] (one block per action dimension, greedy or sampled like
/// our own policies) or int64/int32 actions [batch, action dimensions] (taken as they are). An optional
/// metadata property <c>openg2g_spaces</c> holding the spaces JSON makes the names checked too.
/// </summary>
public sealed class OnnxPolicy : IRlPolicy, IDisposable
{
    /// <summary>Metadata key whose value is the spaces JSON (<c>{"observation": ..., "action": ...}</c>).</summary>
    public const string SpacesMetadataKey = "openg2g_spaces";

    private readonly InferenceSession _session;
    private readonly string _input;
    private readonly int _inputSize;
    private readonly int _outputSize;
    private readonly bool _outputsActions;
    private readonly RlSpaces? _declared;
    private RlSpaces? _spaces;
    private float[] _buffer = [];

    /// <summary>Throws <see cref="ArgumentException"/> when the model does not follow the convention.</summary>
    public OnnxPolicy(string path)
    {
        try
        {
            _session = new InferenceSession(path);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ArgumentException($"policy: {Path.GetFileName(path)} is not a loadable ONNX model: {e.Message}");
        }
        if (_session.InputMetadata.Count != 1)
            throw Bad(path, $"has {_session.InputMetadata.Count} inputs; the convention is one float32 input [batch, observation size]");
        (_input, NodeMetadata input) = _session.InputMetadata.Select(kv => (kv.Key, kv.Value)).Single();
        if (input.ElementType != typeof(float) || input.Dimensions.Length != 2 || input.Dimensions[1] <= 0)
            throw Bad(path, $"input '{_input}' is {Describe(input)}; the convention is float32 [batch, observation size]");
        _inputSize = input.Dimensions[1];
        NodeMetadata output = _session.OutputMetadata.First().Value;
        _outputsActions = output.ElementType == typeof(long) || output.ElementType == typeof(int);
        if ((output.ElementType != typeof(float) && !_outputsActions) || output.Dimensions.Length != 2 || output.Dimensions[1] <= 0)
            throw Bad(path, $"first output is {Describe(output)}; the convention is float32 logits or int64 actions, [batch, n]");
        _outputSize = output.Dimensions[1];
        if (_session.ModelMetadata.CustomMetadataMap.TryGetValue(SpacesMetadataKey, out string? json))
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            _declared = PolicyFileReader.ReadSpaces(doc.RootElement.TryGetProperty("spaces", out JsonElement s) ? s : doc.RootElement);
        }
    }

    /// <inheritdoc />
    public string? Mismatch(RlSpaces scenario)
    {
        if (_inputSize != scenario.Observation.Size)
            return Inv($"the ONNX policy's input has {_inputSize} observation values, the scenario's observation has {scenario.Observation.Size}");
        int expected = _outputsActions ? scenario.Action.Size : scenario.Action.LogitCount;
        if (_outputSize != expected)
        {
            return _outputsActions
                ? Inv($"the ONNX policy outputs {_outputSize} actions, the scenario has {expected} action dimensions")
                : Inv($"the ONNX policy outputs {_outputSize} logits, the scenario's actions need {expected} (sizes [{string.Join(", ", scenario.Action.Sizes)}])");
        }
        string? named = _declared?.FirstDifference(scenario);
        if (named is null)
            _spaces = scenario;
        return named;
    }

    /// <inheritdoc />
    public void Act(ReadOnlySpan<float> observation, Span<int> action, SimRandom? sampler)
    {
        RlSpaces spaces = _spaces ?? throw new InvalidOperationException("check the policy against the scenario's spaces (Mismatch) before acting");
        if (_buffer.Length != _inputSize)
            _buffer = new float[_inputSize];
        observation.CopyTo(_buffer);
        var tensor = new DenseTensor<float>(_buffer, [1, _inputSize]);
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results = _session.Run([NamedOnnxValue.CreateFromTensor(_input, tensor)]);
        DisposableNamedOnnxValue first = results.First();
        if (_outputsActions)
        {
            for (int d = 0; d < action.Length; d++)
            {
                long a = first.Value is Tensor<long> l ? l[0, d] : ((Tensor<int>)first.Value)[0, d];
                if (a < 0 || a >= spaces.Action.Sizes[d])
                    throw new InvalidOperationException(Inv($"the ONNX policy chose {a} for action dimension {d} '{spaces.Action.Names[d]}', which has {spaces.Action.Sizes[d]} choices"));
                action[d] = (int)a;
            }
            return;
        }
        Tensor<float> logits = first.AsTensor<float>();
        Span<float> row = _outputSize <= 256 ? stackalloc float[_outputSize] : new float[_outputSize];
        for (int i = 0; i < _outputSize; i++)
            row[i] = logits[0, i];
        CategoricalChoice.Choose(row, spaces.Action, action, sampler);
    }

    public void Dispose() => _session.Dispose();

    private static string Describe(NodeMetadata m) =>
        $"{m.ElementType.Name} [{string.Join(", ", m.Dimensions.Select(d => d < 0 ? "?" : d.ToString(CultureInfo.InvariantCulture)))}]";

    private static ArgumentException Bad(string path, string message) => new($"policy: {Path.GetFileName(path)}: {message}");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
