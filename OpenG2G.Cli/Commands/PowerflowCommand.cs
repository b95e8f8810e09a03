using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Attachments;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.PowerFlow;
using OpenG2G.Grid.PowerFlow.Reporting;
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
        var loads = PowerflowArguments.Loads(settings.Loads, errors);
        var taps = PowerflowArguments.Pairs(settings.Taps, "--tap", "NAME=RATIO", errors);
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
        foreach (string line in PowerFlowSummary.Lines(feeder, result))
            Console.WriteLine(line);
        try
        {
            if (settings.Out is { } path)
                PowerFlowCsv.WriteNodeVoltages(path, result);
            if (settings.LineToLineOut is { } llPath)
                PowerFlowCsv.WriteLineToLine(llPath, feeder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return InvalidInput([$"cannot write the voltages: {e.Message}"]);
        }
        if (settings.Bench is { } n)
            PrintBench(feeder, n, firstSolveUs);
        return ExitCodes.Ok;
    }

    private static void PrintBench(Feeder feeder, int n, double firstSolveUs)
    {
        Console.WriteLine(string.Create(Inv, $"first_solve_us={firstSolveUs:F2}"));
        var (load, tap) = ResolveTimer.Run(feeder, n);
        Console.WriteLine(load is { } l ? string.Create(Inv, $"resolve_us_median={l:F2}") : "resolve_us_median=n/a (the feeder has no load)");
        Console.WriteLine(tap is { } t ? string.Create(Inv, $"tap_resolve_us_median={t:F2}") : "tap_resolve_us_median=n/a (the feeder has no regulator)");
        Console.WriteLine(string.Create(Inv, $"managed_memory_mb={GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F1}"));
        Console.WriteLine(string.Create(Inv, $"peak_working_set_mb={Environment.WorkingSet / 1048576.0:F1} (now), {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F1} (peak)"));
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
}
