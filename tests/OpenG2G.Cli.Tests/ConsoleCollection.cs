namespace OpenG2G.Cli.Tests;

/// <summary>
/// Tests that run a verb in-process with <c>Console.SetOut</c> (process-wide): in one collection so that they do not
/// swap the console under each other (a full-suite run once saw one of them read an empty output).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection
{
    public const string Name = "in-process console";
}
