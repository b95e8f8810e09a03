using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Events;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.Metrics;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;
using OpenG2G.Scenarios.Loading;
using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Running;
using OpenG2G.Testing;

namespace OpenG2G.Benchmarks.Scenarios;

/// <summary>
/// Where the time of one run goes, by Stopwatch: every datacenter, grid and controller step and every
/// observer call is timed through a decorator, the writers' closing apart, and the kernel is what is
/// left of the simulation's wall time. Not a BenchmarkDotNet job (it needs the decorators):
/// <c>dotnet run -c Release --project bench/OpenG2G.Benchmarks -- breakdown [scenario.yaml] [runs] [override ...]</c>
/// prints the median of each phase over the runs (default: IEEE 13 OFO, 5 runs, after one warm-up run).
/// </summary>
public static class PhaseBreakdown
{
    public static void Run(string[] args)
    {
        string scenario = args.Length > 0 ? args[0] : Path.Combine(SharedData.RepositoryRoot, "scenarios", "ieee13", "ofo.yaml");
        int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        string[] overrides = args.Skip(2).ToArray();
        string output = Path.Combine(Path.GetTempPath(), "openg2g-breakdown-" + Guid.NewGuid().ToString("N"));
        var all = new List<Dictionary<string, double>>();
        try
        {
            for (int r = 0; r <= runs; r++)
            {
                var times = Once(scenario, overrides, output);
                if (r > 0)
                    all.Add(times);
            }
        }
        finally
        {
            if (Directory.Exists(output))
                Directory.Delete(output, recursive: true);
        }
        Console.WriteLine($"{Path.GetFileName(scenario)} {string.Join(" ", overrides)}: median of {runs} runs (ms)");
        foreach (string key in all[0].Keys)
        {
            double[] v = all.Select(d => d[key]).Order().ToArray();
            double median = v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {key,-28} {median,10:F1}"));
        }
    }

    private static Dictionary<string, double> Once(string scenario, string[] overrides, string output)
    {
        if (Directory.Exists(output))
            Directory.Delete(output, recursive: true);
        Directory.CreateDirectory(output);
        long allocated0 = GC.GetTotalAllocatedBytes(precise: true);
        long t0 = Stopwatch.GetTimestamp();
        BuiltScenario built = ScenarioRunner.Prepare(scenario, overrides);
        double prepare = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;

        var dc = new Timer();
        var grid = new Timer();
        var ctl = new Timer();
        SimulationSetup s = built.Setup;
        var setup = s with
        {
            Datacenters = s.Datacenters.Select(d => (IDatacenter)new TimedDatacenter(d, dc)).ToImmutableArray(),
            Grid = s.Grid is null ? null : new TimedGrid(s.Grid, grid),
            Controllers = s.Controllers.Select(c => c with { Controller = new TimedController(c.Controller, ctl) }).ToImmutableArray(),
        };
        var simulation = new Simulation(setup);
        ScenarioDefinition d = built.Definition;
        var metrics = new TimedObserver(new RunMetrics(built, new VoltageBand(d.Header.VoltageBand.VMinPu, d.Header.VoltageBand.VMaxPu)));
        simulation.AddObserver(metrics);
        int rows = d.Header.Outputs.RowGroupRows;
        var writers = new List<(string Name, TimedObserver Observer, IDisposable Writer)>();
        void Add<T>(string name, T w)
            where T : ISimulationObserver, IDisposable
        {
            var o = new TimedObserver(w);
            writers.Add((name, o, w));
            simulation.AddObserver(o);
        }
        if (d.Header.Outputs.BusVoltages)
            Add("writer: bus_voltages", new BusVoltageWriter(output, rows));
        Add("writer: grid+taps+attach.", new GridWriter(output, rows, built.ExcludedBuses));
        Add("writer: datacenter", new DatacenterWriter(output, rows));
        Add("writer: commands+events", new CommandEventWriter(output, rows));

        long t1 = Stopwatch.GetTimestamp();
        simulation.Run(d.Header.Seed);
        double simulate = Stopwatch.GetElapsedTime(t1).TotalMilliseconds;
        long t2 = Stopwatch.GetTimestamp();
        foreach (var w in writers)
            w.Writer.Dispose();
        double close = Stopwatch.GetElapsedTime(t2).TotalMilliseconds;
        double total = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated0;

        var result = new Dictionary<string, double>
        {
            ["total"] = total,
            ["load and build"] = prepare,
            ["datacenter steps"] = dc.Ms,
            ["grid steps"] = grid.Ms,
            ["controller steps"] = ctl.Ms,
            ["metrics"] = metrics.Ms,
        };
        foreach (var w in writers)
            result[w.Name] = w.Observer.Ms;
        result["writers: closing"] = close;
        result["kernel (rest of the run)"] = simulate - dc.Ms - grid.Ms - ctl.Ms - metrics.Ms - writers.Sum(w => w.Observer.Ms);
        result["allocated (MB)"] = allocated / 1e6;
        return result;
    }

    private sealed class Timer
    {
        private long _ticks;

        public double Ms => _ticks * 1000.0 / Stopwatch.Frequency;

        public T Time<T>(Func<T> f)
        {
            long t = Stopwatch.GetTimestamp();
            T r = f();
            _ticks += Stopwatch.GetTimestamp() - t;
            return r;
        }

        public void Time(Action f)
        {
            long t = Stopwatch.GetTimestamp();
            f();
            _ticks += Stopwatch.GetTimestamp() - t;
        }
    }

    private sealed class TimedDatacenter(IDatacenter inner, Timer timer) : IDatacenter
    {
        public string Name => inner.Name;
        public TimeSpan Period => inner.Period;
        public void Reset(RunContext context) => inner.Reset(context);
        public void Start() => inner.Start();
        public void Stop() => inner.Stop();
        public DatacenterState Step(SimTime now) => timer.Time(() => inner.Step(now));
        public void Apply(DatacenterCommand command, SimTime now) => inner.Apply(command, now);
    }

    private sealed class TimedGrid(IGrid inner, Timer timer) : IGrid
    {
        public string Name => inner.Name;
        public TimeSpan Period => inner.Period;
        public void Reset(RunContext context) => inner.Reset(context);
        public void Start() => inner.Start();
        public void Stop() => inner.Stop();
        public GridState Step(SimTime now, IReadOnlyList<DatacenterState> samples) => timer.Time(() => inner.Step(now, samples));
        public void Apply(GridCommand command, SimTime now) => inner.Apply(command, now);
    }

    private sealed class TimedController(IController inner, Timer timer) : IController
    {
        public string Name => inner.Name;
        public TimeSpan Period => inner.Period;
        public void Reset(RunContext context) => inner.Reset(context);
        public void Start() => inner.Start();
        public void Stop() => inner.Stop();
        public IReadOnlyList<Command> Step(SimTime now, ControllerInputs inputs) => timer.Time(() => inner.Step(now, inputs));
    }

    private sealed class TimedObserver(ISimulationObserver inner) : ISimulationObserver
    {
        private readonly Timer _timer = new();

        public double Ms => _timer.Ms;
        public void OnDatacenterState(DatacenterState state) => _timer.Time(() => inner.OnDatacenterState(state));
        public void OnGridState(GridState state) => _timer.Time(() => inner.OnGridState(state));
        public void OnCommand(CommandRecord record) => _timer.Time(() => inner.OnCommand(record));
        public void OnEvent(SimEvent simEvent) => _timer.Time(() => inner.OnEvent(simEvent));
    }
}
