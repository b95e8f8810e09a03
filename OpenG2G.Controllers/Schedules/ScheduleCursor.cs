using OpenG2G.Core.Time;

namespace OpenG2G.Controllers.Schedules;

/// <summary>
/// Timed items in time order (declaration order among equal times) and how far a run has consumed
/// them. An item is due at the first controller step at or after its time, so a time between two
/// steps takes effect at the next step, never earlier.
/// </summary>
internal sealed class ScheduleCursor<T>
{
    private readonly (long Ticks, T Item)[] _items;
    private int _next;

    public ScheduleCursor(IEnumerable<(SimTime At, T Item)> items)
    {
        _items = items.Select((x, i) => (x.At.Ticks, x.Item, i))
            .OrderBy(x => x.Ticks).ThenBy(x => x.i)
            .Select(x => (x.Ticks, x.Item))
            .ToArray();
    }

    /// <summary>Start again from the first item.</summary>
    public void Rewind() => _next = 0;

    /// <summary>Add the items due at or before <paramref name="now"/> that were not yet taken to <paramref name="due"/>, in order.</summary>
    public void TakeDue(SimTime now, List<T> due)
    {
        while (_next < _items.Length && _items[_next].Ticks <= now.Ticks)
            due.Add(_items[_next++].Item);
    }
}
