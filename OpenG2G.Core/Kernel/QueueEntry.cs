namespace OpenG2G.Core.Kernel;

/// <summary>
/// Same-instant order: one-shot events and delayed commands first (in scheduling order), then
/// datacenters, the grid and controllers (each in declaration order).
/// </summary>
internal enum StepPhase : byte
{
    OneShot = 0,
    Datacenter = 1,
    Grid = 2,
    Controller = 3,
}

/// <summary>Priority of a queue entry: (time, phase, declaration order, scheduling sequence).</summary>
internal readonly record struct QueueKey(long Ticks, StepPhase Phase, int Order, long Sequence) : IComparable<QueueKey>
{
    public int CompareTo(QueueKey other)
    {
        int c = Ticks.CompareTo(other.Ticks);
        if (c != 0)
            return c;
        c = ((byte)Phase).CompareTo((byte)other.Phase); // on the byte: Enum.CompareTo(object) would box
        if (c != 0)
            return c;
        c = Order.CompareTo(other.Order);
        return c != 0 ? c : Sequence.CompareTo(other.Sequence);
    }
}

/// <summary>
/// What a queue entry does: a recurring component step (<see cref="ComponentIndex"/> into the phase's
/// component list) or a one-shot payload (a <c>ScheduledEvent</c> or a <c>PendingCommand</c>).
/// </summary>
internal readonly record struct QueueEntry(StepPhase Phase, int ComponentIndex, object? Payload);
