using BenchmarkDotNet.Running;
using OpenG2G.Benchmarks.Scenarios;

namespace OpenG2G.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project bench/OpenG2G.Benchmarks -- --filter '*Kernel*'</c>;
/// <c>-- breakdown [scenario] [runs] [overrides]</c> prints the Stopwatch breakdown of one scenario's run
/// by phase (<see cref="PhaseBreakdown"/>).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "breakdown")
            PhaseBreakdown.Run(args[1..]);
        else
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
