using OpenG2G.Core.States;

namespace OpenG2G.Controllers.Batching;

/// <summary>
/// Finds a fixed list of models in a datacenter's states without searching every step: remembers
/// each model's position and re-indexes only when a state lists its models differently.
/// </summary>
internal sealed class ModelStateLookup
{
    private readonly string _datacenter;
    private readonly string[] _models;
    private readonly int[] _positions;

    public ModelStateLookup(string datacenter, IReadOnlyList<string> models)
    {
        _datacenter = datacenter;
        _models = models.ToArray();
        _positions = new int[_models.Length];
        for (int i = 0; i < _positions.Length; i++)
            _positions[i] = i;
    }

    /// <summary>
    /// The state of model <paramref name="index"/> (in the order given at construction) in
    /// <paramref name="state"/>; throws <see cref="InvalidOperationException"/> when the state lacks it.
    /// </summary>
    public ModelState Get(DatacenterState state, int index)
    {
        int p = _positions[index];
        if (p < state.Models.Length && string.Equals(state.Models[p].Model, _models[index], StringComparison.Ordinal))
            return state.Models[p];
        for (int j = 0; j < state.Models.Length; j++)
        {
            if (string.Equals(state.Models[j].Model, _models[index], StringComparison.Ordinal))
            {
                _positions[index] = j;
                return state.Models[j];
            }
        }
        throw new InvalidOperationException(
            $"datacenter '{_datacenter}' reported no state for model '{_models[index]}' at t={state.Time}");
    }
}
