namespace OpenG2G.Grid.Network;

/// <summary>A bus of the compiled network: its name (lower-case), base voltage, and nodes (node number to global index).</summary>
public sealed class NetworkBus
{
    internal NetworkBus(string name, int index)
    {
        Name = name;
        Index = index;
    }

    public string Name { get; }
    public int Index { get; }

    /// <summary>Line-to-neutral base voltage in kV from the nearest of the voltage bases (0 until computed).</summary>
    public double BaseKvLn { get; internal set; }

    /// <summary>Node numbers (1, 2, 3, ...) in the order they were first connected, with their global indices.</summary>
    public List<(int Number, int Index)> Nodes { get; } = new();

    public int NodeIndex(int number)
    {
        foreach (var (n, i) in Nodes)
            if (n == number)
                return i;
        return -1;
    }
}
