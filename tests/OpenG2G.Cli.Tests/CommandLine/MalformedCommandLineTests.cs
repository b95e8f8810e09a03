namespace OpenG2G.Cli.Tests.CommandLine;

/// <summary>
/// Command lines a user gets wrong, run as a process: each prints exactly one line saying what is wrong
/// (with a "did you mean" or the valid form) and the verb's usage line, exits 2, and shows no stack trace.
/// </summary>
public class MalformedCommandLineTests
{
    private const string Root = "usage: openg2g [--version] [--debug] <run|validate|summarize|sweep|train|evaluate|schema|powerflow|env|traces> ... (openg2g help VERB for its options)";
    private const string Run = "usage: openg2g run <SCENARIO> [--out <DIR>] [--seed <N>] [--set <PATH=VALUE>]... [--no-plots] [--quiet] [--max-output-gb <GB>]";
    private const string Validate = "usage: openg2g validate <FILE> [--set <PATH=VALUE>]...";
    private const string Summarize = "usage: openg2g summarize <RUN>... [--csv] [--plot <PNG>]";
    private const string Schema = "usage: openg2g schema [--plugin <DLL>]... [--sweep]";
    private const string Powerflow = "usage: openg2g powerflow <FEEDER> [--load <BUS.PHASE=KW,KVAR>]... [--tap <NAME=RATIO>]... [--regulators <MODE>] [--source-pu <PU>] [--tolerance <PU>] [--max-iterations <N>] [--out <FILE.CSV>] [--ll-out <FILE.CSV>] [--bench <N>]";
    private const string Traces = "usage: openg2g traces <import|list> ... (openg2g help traces VERB for its options)";
    private const string TracesList = "usage: openg2g traces list [--library <DIR>] [--gpu <GPU>] [--model <TEXT>] [--power-caps]";
    private const string TracesImport = "usage: openg2g traces import --from <DIR> [--out <DIR>]";
    private const string Sweep = "usage: openg2g sweep <SWEEP> [--out <DIR>] [--workers <N>] [--shard <K/N>] [--resume] [--keep <WHAT>] [--dry-run] [--quiet]";
    private const string SweepMerge = "usage: openg2g sweep merge <DIR>... [--out <DIR>]";
    private const string Env = "usage: openg2g env <serve|play> ... (openg2g help env VERB for its options)";
    private const string EnvServe = "usage: openg2g env serve <SCENARIO> [--envs <K>] [--workers <N>] [--set <PATH=VALUE>]... [--socket <PATH>]";
    private const string EnvPlay = "usage: openg2g env play <SCENARIO> --actions <FILE> --out <DIR> [--seed <N>] [--set <PATH=VALUE>]...";
    private const string S = "scenarios/ieee13/ofo.yaml";
    private const string F = "grids/ieee13/ieee13.dss";
    private const string Seed = "openg2g run: --seed: expected a whole number from 0 to 18446744073709551615, got ";

    public static TheoryData<string[], string, string> Cases => new()
    {
        { ["frob"], "openg2g: unknown command 'frob'; commands: run, validate, summarize, sweep, train, evaluate, schema, powerflow, env, traces", Root },
        { ["help", "frob"], "openg2g: unknown command 'frob'; commands: run, validate, summarize, sweep, train, evaluate, schema, powerflow, env, traces", Root },
        { ["rnu", S], "openg2g: unknown command 'rnu'; did you mean 'run'?", Root },
        { ["valdate", S], "openg2g: unknown command 'valdate'; did you mean 'validate'?", Root },
        { ["-x"], "openg2g: unknown option '-x'; openg2g takes --help, --version, --debug", Root },
        { ["--verison"], "openg2g: unknown option '--verison'; did you mean '--version'?", Root },
        { ["run"], "openg2g run: missing <SCENARIO>: scenario YAML file", Run },
        { ["sweep"], "openg2g sweep: missing <SWEEP>: sweep YAML file", Sweep },
        { ["sweep", "scenarios/sweeps/smoke.yaml", "--workers", "abc"], "openg2g sweep: --workers: expected a whole number, got 'abc'", Sweep },
        { ["sweep", "merge"], "openg2g sweep merge: missing <DIR>: shard output folders of one sweep", SweepMerge },
        { ["sweep", "merge", "a", "--ouut", "b"], "openg2g sweep merge: unknown option '--ouut'; did you mean '--out'?", SweepMerge },
        { ["run", S, "extra.yaml"], "openg2g run: unexpected argument 'extra.yaml'; it takes <SCENARIO>", Run },
        { ["run", S, "--seed", "abc"], Seed + "'abc'", Run },
        { ["run", S, "--seed", "-1"], Seed + "'-1'", Run },
        { ["run", S, "--seed", "1.5"], Seed + "'1.5'", Run },
        { ["run", S, "--seed", "18446744073709551616"], Seed + "'18446744073709551616'", Run },
        { ["run", S, "--seed"], "openg2g run: --seed needs a value: --seed <N>", Run },
        { ["run", S, "--seed", "1", "--seed", "2"], "openg2g run: --seed is given twice; give it once", Run },
        { ["run", S, "--out", "-"], "openg2g run: --out: '-' (standard input or output) is not supported; give <DIR>", Run },
        { ["run", S, "--out"], "openg2g run: --out needs a value: --out <DIR>", Run },
        { ["run", S, "--out="], "openg2g run: --out: expected <DIR>, got an empty value", Run },
        { ["run", S, "--no-plot"], "openg2g run: unknown option '--no-plot'; did you mean '--no-plots'?", Run },
        { ["run", S, "--qiuet"], "openg2g run: unknown option '--qiuet'; did you mean '--quiet'?", Run },
        { ["run", S, "--quiet=yes"], "openg2g run: --quiet is a switch and takes no value, got 'yes'", Run },
        { ["run", S, "-q"], "openg2g run: unknown option '-q'; run takes --out, --seed, --set, --no-plots, --quiet, --max-output-gb", Run },
        { ["run", S, "--frobnicate"], "openg2g run: unknown option '--frobnicate'; run takes --out, --seed, --set, --no-plots, --quiet, --max-output-gb", Run },
        { ["run", S, "--max-output-gb", "lots"], "openg2g run: --max-output-gb: expected a finite number, got 'lots'", Run },
        { ["run", S, "--max-output-gb", "nan"], "openg2g run: --max-output-gb: expected a finite number, got 'nan'", Run },
        { ["run", S, "--max-output-gb", "0"], "openg2g run: --max-output-gb: expected a size in GB > 0, got 0", Run },
        { ["run", S, "--set"], "openg2g run: --set needs a value: --set <PATH=VALUE>", Run },
        { ["run", "-"], "openg2g run: '-' (standard input or output) is not supported for <SCENARIO>; give a path", Run },
        { ["run", S, "--"], "openg2g run: '--' is not used by openg2g; write each argument as it is", Run },
        { ["validate"], "openg2g validate: missing <FILE>: scenario YAML file", Validate },
        { ["validate", "a.yaml", "b.yaml"], "openg2g validate: unexpected argument 'b.yaml'; it takes <FILE>", Validate },
        { ["validate", S, "--sett", "duration_s=1"], "openg2g validate: unknown option '--sett'; did you mean '--set'?", Validate },
        { ["summarize"], "openg2g summarize: missing <RUN>: run folders (each holding a summary.json), in the order the rows should appear", Summarize },
        { ["summarize", "runs/x", "--plot"], "openg2g summarize: --plot needs a value: --plot <PNG>", Summarize },
        { ["summarize", "runs/x", "--csv=yes"], "openg2g summarize: --csv is a switch and takes no value, got 'yes'", Summarize },
        { ["schema", "extra"], "openg2g schema: unexpected argument 'extra'; it takes no arguments, only options", Schema },
        { ["schema", "--plugin"], "openg2g schema: --plugin needs a value: --plugin <DLL>", Schema },
        { ["powerflow"], "openg2g powerflow: missing <FEEDER>: OpenDSS feeder script (.dss)", Powerflow },
        { ["powerflow", F, "--bench", "abc"], "openg2g powerflow: --bench: expected a whole number, got 'abc'", Powerflow },
        { ["powerflow", F, "--bench", "0"], "openg2g powerflow: --bench: expected a count >= 1, got 0", Powerflow },
        { ["powerflow", F, "--max-iterations", "-3"], "openg2g powerflow: --max-iterations: expected a count >= 1, got -3", Powerflow },
        { ["powerflow", F, "--source-pu", "abc"], "openg2g powerflow: --source-pu: expected a finite number, got 'abc'", Powerflow },
        { ["powerflow", F, "--source-pu", "-1"], "openg2g powerflow: --source-pu: expected a voltage in pu > 0, got -1", Powerflow },
        { ["powerflow", F, "--tolerance", "inf"], "openg2g powerflow: --tolerance: expected a finite number, got 'inf'", Powerflow },
        { ["powerflow", F, "--regulators", "sometimes"], "openg2g powerflow: --regulators: expected off or static, got 'sometimes'", Powerflow },
        { ["powerflow", F, "--tap", "creg1a=1.5"], "openg2g powerflow: --tap creg1a=1.5: the ratio is outside the range of 'creg1a' [0.9, 1.1] (mintap, maxtap of Transformer.reg1a)", Powerflow },
        { ["powerflow", F, "--load", "671=100"], "openg2g powerflow: --load: expected BUS.PHASE=KW,KVAR with phase 1, 2 or 3, got '671=100'", Powerflow },
        { ["traces"], "openg2g traces: missing command: one of import, list", Traces },
        { ["traces", "frob"], "openg2g traces: unknown command 'frob'; commands: import, list", Traces },
        { ["traces", "lst"], "openg2g traces: unknown command 'lst'; did you mean 'list'?", Traces },
        { ["traces", "list", "extra"], "openg2g traces list: unexpected argument 'extra'; it takes no arguments, only options", TracesList },
        { ["env"], "openg2g env: missing command: one of serve, play", Env },
        { ["env", "srve"], "openg2g env: unknown command 'srve'; did you mean 'serve'?", Env },
        { ["env", "serve"], "openg2g env serve: missing <SCENARIO>: scenario YAML file; its controllers are replaced by the agent (docs/rl.md)", EnvServe },
        { ["env", "serve", S, "--envs"], "openg2g env serve: --envs needs a value: --envs <K>", EnvServe },
        { ["env", "serve", S, "--envs", "four"], "openg2g env serve: --envs: expected a whole number, got 'four'", EnvServe },
        { ["env", "serve", S, "--envs", "0"], "openg2g env serve: --envs: expected 1 to 4096 environments, got 0", EnvServe },
        { ["env", "serve", S, "--port", "80"], "openg2g env serve: unknown option '--port'; env serve takes --envs, --workers, --set, --socket", EnvServe },
        { ["env", "serve", S, "extra"], "openg2g env serve: unexpected argument 'extra'; it takes <SCENARIO>", EnvServe },
        { ["env", "play", S, "--out", "x"], "openg2g env play: missing --actions <FILE>: raw little-endian int32 actions, one row of the action size per step", EnvPlay },
        { ["env", "play", S, "--actions", "a.i32", "--out", "x", "--seed", "-1"], "openg2g env play: --seed: expected a whole number from 0 to 18446744073709551615, got '-1'", EnvPlay },
        { ["traces", "list", "--gpu"], "openg2g traces list: --gpu needs a value: --gpu <GPU>", TracesList },
        { ["traces", "import"], "openg2g traces import: missing --from <DIR>: folder of measured datasets, each with a SOURCE.md (the project's are in its shared material, e.g. ../shared/data)", TracesImport },
        { ["traces", "import", "--from"], "openg2g traces import: --from needs a value: --from <DIR>", TracesImport },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_malformed_command_line_prints_what_and_the_usage_and_exits_2(string[] args, string what, string usage)
    {
        CliProcess.Result r = CliProcess.Run(args);

        Assert.Equal([what, usage], r.ErrorLines);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void The_table_holds_at_least_forty_command_lines()
    {
        Assert.True(Cases.Count >= 40, $"{Cases.Count} cases");
    }
}
