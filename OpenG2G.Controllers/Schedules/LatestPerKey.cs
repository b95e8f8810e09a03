using OpenG2G.Core.Commands;

namespace OpenG2G.Controllers.Schedules;

/// <summary>Keeps the last command per key, in the order keys first appeared (a later schedule entry overrides an earlier one).</summary>
internal static class LatestPerKey
{
    public static Command[] Of<T, TKey>(List<T> due, Func<T, TKey> key)
        where T : Command
        where TKey : notnull
    {
        var order = new List<TKey>();
        var last = new Dictionary<TKey, T>();
        foreach (T c in due)
        {
            TKey k = key(c);
            if (!last.ContainsKey(k))
                order.Add(k);
            last[k] = c;
        }
        return order.Select(k => (Command)last[k]).ToArray();
    }
}
