using OpenG2G.Core.Components;
using OpenG2G.Core.Events;
using OpenG2G.Core.Time;
using OpenG2G.Datacenter.Traces;
using OpenG2G.Testing;

namespace OpenG2G.Datacenter.Tests;

/// <summary>Run contexts, fixture paths and the repository's trace library for tests.</summary>
internal static class TestRun
{
    public static RunContext Context(ulong seed) => new(seed, new NullSink(), new NoScheduler());

    /// <summary>The small fixture copy of the shared data layout shipped with this test project.</summary>
    public static string FixtureData => Path.Combine(AppContext.BaseDirectory, "Fixtures", "data");

    public static string RepositoryTraces => Path.Combine(SharedData.RepositoryRoot, "traces");

    public static TraceLibrary Library => TraceLibrary.Load(RepositoryTraces);

    public static string TempDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "openg2g-dc-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private sealed class NullSink : IEventSink
    {
        public void Emit(SimTime time, string source, string kind, string message)
        {
        }
    }

    private sealed class NoScheduler : IScheduler
    {
        public SimTime Now => SimTime.Zero;

        public ScheduledEvent Schedule(SimTime at, string source, string description, Action<SimTime> action) =>
            throw new NotSupportedException("the datacenter under test schedules no events");
    }
}
