namespace OpenG2G.Cli.Tests.Python;

/// <summary>Runs its tests after the assembly's parallel ones, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PythonCollection
{
    public const string Name = "python package (alone)";
}
