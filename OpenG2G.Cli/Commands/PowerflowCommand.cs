using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Attachments;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.PowerFlow;
using OpenG2G.Grid.Solver;
using Spectre.Console.Cli;

namespace OpenG2G.Cli.Commands;

/// <summary>
/// <c>openg2g powerflow FEEDER.dss</c>: solve an OpenDSS feeder once, print a summary, optionally
/// write node voltages as CSV and time re-solves (<c>--bench N</c>).
/// </summary>
public sealed class PowerflowCommand : Command<PowerflowCommand.Settings>
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FEEDER>")]
        [Description("OpenDSS feeder script (.dss)")]
        public string Feeder { get; init; } = string.Empty;

        [CommandOption("--load <BUS.PHASE=KW,KVAR>")]
        [Description("Add a single-phase wye constant-PQ load at the bus's line-to-neutral base kV (repeatable)")]
        public string[] Loads { get; init; } = [];

        [CommandOption("--tap <NAME=RATIO>")]
        [Description("Set winding 2 of a regulator (transformer or RegControl name) to a tap ratio in pu (repeatable)")]
        public string[] Taps { get; init; } = [];

        [CommandOption("--regulators <MODE>")]
        [Description("off (taps as set) or static (settle within band); default: the script's control mode")]
        public string? Regulators { get; init; }

        [CommandOption("--source-pu <PU>")]
        [Description("Source voltage in per unit (default: the script's)")]
        public double? SourcePu { get; init; }

        [CommandOption("--tolerance <PU>")]
        [Description("Convergence tolerance: largest per-unit voltage change (default: the script's, else 1e-4)")]
        public double? Tolerance { get; init; }

        [CommandOption("--max-iterations <N>")]
        [Description("Power-flow iteration limit per solve (default: the script's, else 15 like OpenDSS)")]
        public int? MaxIterations { get; init; }

        [CommandOption("--out <FILE.csv>")]
        [Description("Write node voltages: bus,phase,vmag_pu,vmag_v,vang_deg")]
        public string? Out { get; init; }

        [CommandOption("--ll-out <FILE.csv>")]
        [Description("Write line-to-line voltages (for delta systems): bus,nodes,vmag_v")]
        public string? LineToLineOut { get; init; }

        [CommandOption("--bench <N>")]
        [Description("Time N re-solves after a tiny load change and N after a one-step tap change (medians, microseconds)")]
        public int? Bench { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var loads = ParseLoads(settings.Loads, errors);
        var taps = ParsePairs(settings.Taps, "--tap", "NAME=RATIO", errors);
        ControlMode? mode = settings.Regulators?.ToLowerInvariant() switch
        {
            null => null,
            "off" => ControlMode.Off,
            "static" => ControlMode.Static,
            _ => Fail(errors, $"--regulators: expected off or static, got '{settings.Regulators}'"),
        };
        if (settings.MaxIterations is < 1)
            errors.Add($"--max-iterations: expected a count >= 1, got {settings.MaxIterations}");
        if (settings.Bench is < 1)
            errors.Add($"--bench: expected a count >= 1, got {settings.Bench}");
        if (settings.SourcePu is <= 0)
            errors.Add(string.Create(Inv, $"--source-pu: expected a voltage in pu > 0, got {settings.SourcePu}"));
        if (settings.Tolerance is <= 0)
            errors.Add(string.Create(Inv, $"--tolerance: expected a tolerance in pu > 0, got {settings.Tolerance}"));
        if (errors.Count > 0)
            return Report.BadValues("powerflow", errors);

        Feeder feeder;
        try
        {
            feeder = Feeder.Load(settings.Feeder, loads.Select(l => l.Load).ToList());
        }
        catch (InvalidInputException e)
        {
            return InvalidInput(e.Errors.Select(d => d.ToString()));
        }
        foreach (var (l, kw, kvar) in loads)
            feeder.SetAttachmentPower(feeder.AttachmentBranches(l.Name)[0], kw * 1000.0, kvar * 1000.0);
        foreach (var (name, ratio) in taps)
        {
            var reg = feeder.FindRegulator(name);
            if (reg is null)
                errors.Add($"--tap: no regulator or regulated transformer named '{name}'; have {string.Join(", ", feeder.Regulators.Select(r => $"{r.Name} ({r.Transformer.Name})"))}");
            else if (ratio < reg.TapWinding.MinTap - 1e-12 || ratio > reg.TapWinding.MaxTap + 1e-12)
                errors.Add(string.Create(Inv, $"--tap {name}={ratio}: the ratio is outside the range of '{reg.Name}' [{reg.TapWinding.MinTap}, {reg.TapWinding.MaxTap}] (mintap, maxtap of {reg.Transformer.FullName})"));
            else
                feeder.SetTap(reg, ratio);
        }
        if (errors.Count > 0)
            return Report.BadValues("powerflow", errors);
        if (mode is not null)
            feeder.ControlMode = mode.Value;
        if (settings.Tolerance is { } tol)
            feeder.Tolerance = tol;
        if (settings.MaxIterations is { } maxIterations)
            feeder.MaxIterations = maxIterations;
        if (settings.SourcePu is { } pu)
            feeder.SetSourcePerUnit(pu);

        PowerFlowResult result;
        long firstSolveStart = Stopwatch.GetTimestamp();
        double firstSolveUs;
        try
        {
            var counts = feeder.SolveVoltages();
            firstSolveUs = Stopwatch.GetElapsedTime(firstSolveStart).TotalMicroseconds;
            result = feeder.Result(counts.Iterations, counts.ControlIterations);
        }
        catch (Exception e) when (e is PowerFlowNotConvergedException or SingularNetworkException)
        {
            Console.Error.WriteLine("converged: no");
            Console.Error.WriteLine(e.Message);
            return ExitCodes.Failure;
        }
        PrintSummary(result);
        try
        {
            if (settings.Out is { } path)
                WriteCsv(path, result);
            if (settings.LineToLineOut is { } llPath)
                WriteLineToLineCsv(llPath, feeder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return InvalidInput([$"cannot write the voltages: {e.Message}"]);
        }
        if (settings.Bench is { } n)
        {
            Console.WriteLine(string.Create(Inv, $"first_solve_us={firstSolveUs:F2}"));
            Bench(feeder, n);
            Console.WriteLine(string.Create(Inv, $"managed_memory_mb={GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F1}"));
            Console.WriteLine(string.Create(Inv, $"peak_working_set_mb={Environment.WorkingSet / 1048576.0:F1} (now), {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F1} (peak)"));
        }
        return ExitCodes.Ok;
    }

    private static ControlMode? Fail(List<string> errors, string message)
    {
        errors.Add(message);
        return null;
    }

    private static int InvalidInput(IEnumerable<string> messages)
    {
        foreach (string m in messages)
            Console.Error.WriteLine(m);
        return ExitCodes.InvalidInput;
    }

    private static List<(AttachedLoad Load, double Kw, double Kvar)> ParseLoads(string[] specs, List<string> errors)
    {
        var result = new List<(AttachedLoad, double, double)>();
        for (int i = 0; i < specs.Length; i++)
        {
            string s = specs[i];
            int eq = s.IndexOf('=');
            string[] target = eq > 0 ? s[..eq].Split('.') : [];
            string[] power = eq > 0 ? s[(eq + 1)..].Split(',') : [];
            if (target.Length != 2 || !int.TryParse(target[1], NumberStyles.None, Inv, out int phase) || phase is < 1 or > 3
                || power.Length != 2 || !double.TryParse(power[0], NumberStyles.Float, Inv, out double kw)
                || !double.TryParse(power[1], NumberStyles.Float, Inv, out double kvar))
            {
                errors.Add($"--load: expected BUS.PHASE=KW,KVAR with phase 1, 2 or 3, got '{s}'");
                continue;
            }
            var load = new AttachedLoad($"cli_load_{i + 1}", target[0], [phase], LoadConnection.Wye);
            result.Add((load, kw, kvar));
        }
        return result;
    }

    private static List<(string, double)> ParsePairs(string[] specs, string option, string form, List<string> errors)
    {
        var result = new List<(string, double)>();
        foreach (string s in specs)
        {
            int eq = s.IndexOf('=');
            if (eq <= 0 || !double.TryParse(s[(eq + 1)..], NumberStyles.Float, Inv, out double value))
            {
                errors.Add($"{option}: expected {form}, got '{s}'");
                continue;
            }
            result.Add((s[..eq], value));
        }
        return result;
    }

    private static void PrintSummary(PowerFlowResult r)
    {
        Console.WriteLine("converged: yes");
        Console.WriteLine(string.Create(Inv, $"iterations: {r.Iterations} (control iterations: {r.ControlIterations})"));
        Console.WriteLine(string.Create(Inv, $"losses: {r.LossesKw:F3} kW, {r.LossesKvar:F3} kvar"));
        Console.WriteLine(string.Create(Inv, $"source: {r.SourcePowerKw:F3} kW, {r.SourceReactivePowerKvar:F3} kvar"));
        Console.WriteLine(r.Taps.IsEmpty
            ? "taps: none"
            : "taps: " + string.Join(" ", r.Taps.Select(t => string.Create(Inv, $"{t.Regulator}={t.TapRatio:F5} ({t.TapStep:+0;-0;0})"))));
    }

    private static void WriteCsv(string path, PowerFlowResult r)
    {
        var sb = new StringBuilder("bus,phase,vmag_pu,vmag_v,vang_deg\n");
        for (int i = 0; i < r.Nodes.Count; i++)
        {
            var n = r.Nodes.Nodes[i];
            sb.Append(string.Create(Inv, $"{n.Bus},{n.Phase},{r.VoltagePu[i]:F10},{r.VoltageVolts[i]:F6},{r.AngleDeg[i]:F6}\n"));
        }
        File.WriteAllText(path, sb.ToString());
    }

    private static void WriteLineToLineCsv(string path, Feeder feeder)
    {
        var sb = new StringBuilder("bus,nodes,vmag_v\n");
        foreach (var (bus, nodes, volts) in feeder.LineToLineVoltages())
            sb.Append(string.Create(Inv, $"{bus},{nodes},{volts:F6}\n"));
        File.WriteAllText(path, sb.ToString());
    }

    private static void Bench(Feeder feeder, int n)
    {
        // Timing measures the power flow itself: regulators stay where they are.
        feeder.ControlMode = ControlMode.Off;
        var loadTimes = new double[n];
        int branch = feeder.Network.LoadBranches.Count > 0 ? 0 : -1;
        if (branch >= 0)
        {
            var original = feeder.Network.LoadBranches[branch];
            for (int i = 0; i < n; i++)
            {
                double f = 1.0 + (i % 2 == 0 ? 1e-4 : -1e-4);
                feeder.SetAttachmentPower(branch, original.Watts * f, original.Vars * f);
                long t0 = Stopwatch.GetTimestamp();
                feeder.SolveVoltages();
                loadTimes[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
            }
            feeder.SetAttachmentPower(branch, original.Watts, original.Vars);
            Console.WriteLine(string.Create(Inv, $"resolve_us_median={Median(loadTimes):F2}"));
        }
        else
        {
            Console.WriteLine("resolve_us_median=n/a (the feeder has no load)");
        }
        if (feeder.Regulators.IsEmpty)
        {
            Console.WriteLine("tap_resolve_us_median=n/a (the feeder has no regulator)");
            return;
        }
        var reg = feeder.Regulators[0];
        double baseTap = reg.Tap;
        double step = reg.TapIncrement;
        var tapTimes = new double[n];
        for (int i = 0; i < n; i++)
        {
            feeder.SetTap(reg, i % 2 == 0 ? baseTap + step : baseTap);
            long t0 = Stopwatch.GetTimestamp();
            feeder.SolveVoltages();
            tapTimes[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }
        feeder.SetTap(reg, baseTap);
        Console.WriteLine(string.Create(Inv, $"tap_resolve_us_median={Median(tapTimes):F2}"));
    }

    private static double Median(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        int m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
