using System.Security.Cryptography;
using Xunit.Abstractions;

namespace OpenG2G.Cli.Tests.Cluster;

/// <summary>
/// A real single-node Slurm cluster on localhost for one test: munged, slurmctld and slurmd from the installed
/// packages, started as daemons from a <see cref="SlurmConfig"/> in a temporary folder. <see cref="Dispose"/>
/// cancels every job, stops the three daemons by the pids their pid files gave (checking each pid is still that
/// daemon) and deletes the folder, also when starting failed half-way.
/// </summary>
public sealed class LocalSlurmCluster : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(1);
    private readonly List<(string Name, int Pid)> _daemons = new();
    private readonly ITestOutputHelper _output;

    private LocalSlurmCluster(SlurmConfig config, ITestOutputHelper output)
    {
        Config = config;
        _output = output;
    }

    public SlurmConfig Config { get; }

    /// <summary>The environment every Slurm command of this cluster needs.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["SLURM_CONF"] = Config.ConfPath };

    /// <summary>Start the cluster and wait until its node is idle (at most <paramref name="ready"/>).</summary>
    public static LocalSlurmCluster Start(ITestOutputHelper output, TimeSpan ready)
    {
        // Short: the munge socket path must stay under the 108-byte limit of Unix socket names (a long TMPDIR falls back to /tmp).
        string name = "og2g-slurm-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        string folder = Path.Combine(Path.GetTempPath().Length <= 60 ? Path.GetTempPath() : "/tmp", name);
        var cluster = new LocalSlurmCluster(SlurmConfig.ForThisHost(folder), output);
        try
        {
            cluster.Config.Write();
            cluster.StartMunge();
            cluster.StartDaemon("slurmctld", cluster.Config.ControllerPidFile);
            cluster.StartDaemon("slurmd", cluster.Config.NodePidFile);
            cluster.WaitIdle(ready);
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>Run a Slurm client command against this cluster, with <paramref name="extra"/> in its environment.</summary>
    public ExternalProcess.Result Run(string command, IEnumerable<string> args, IReadOnlyDictionary<string, string>? extra = null, TimeSpan? timeout = null)
    {
        var environment = new Dictionary<string, string>(Environment);
        foreach (var (k, v) in extra ?? new Dictionary<string, string>())
            environment[k] = v;
        return ExternalProcess.Run(command, args, environment, timeout ?? CommandTimeout);
    }

    /// <summary>The daemons' logs, for failure messages.</summary>
    public string Logs() => string.Join("\n", Directory.EnumerateFiles(Config.LogFolder).Order(StringComparer.Ordinal)
        .Select(f => $"--- {Path.GetFileName(f)}\n{string.Join('\n', File.ReadLines(f).TakeLast(40))}"));

    private void StartMunge()
    {
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("the local Slurm cluster runs on Linux only");
        File.WriteAllBytes(Config.MungeKey, RandomNumberGenerator.GetBytes(1024));
        File.SetUnixFileMode(Config.MungeKey, UnixFileMode.UserRead);
        File.SetUnixFileMode(Path.GetDirectoryName(Config.MungeKey)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string munge = Path.GetDirectoryName(Config.MungePidFile)!;
        Launch("munged", "/usr/sbin/munged", "--force", "--socket=" + Config.MungeSocket, "--key-file=" + Config.MungeKey,
            "--pid-file=" + Config.MungePidFile, "--seed-file=" + Path.Combine(munge, "munged.seed"), "--log-file=" + Path.Combine(Config.LogFolder, "munged.log"));
        Record("munged", Config.MungePidFile);
    }

    private void StartDaemon(string name, string pidFile)
    {
        Launch(name, "/usr/sbin/" + name, "-f", Config.ConfPath);
        Record(name, pidFile);
    }

    /// <summary>Run a daemon's start command; it forks into the background and returns.</summary>
    private void Launch(string name, string path, params string[] args)
    {
        ExternalProcess.Result r = ExternalProcess.Run(path, args, Environment, CommandTimeout);
        if (r.ExitCode != 0)
            throw new InvalidOperationException($"{name} did not start: {r}\n{Logs()}");
    }

    /// <summary>Wait for the daemon's pid file and remember the pid, to stop exactly that process later.</summary>
    private void Record(string name, string pidFile)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out int pid) && pid > 0)
            {
                _daemons.Add((name, pid));
                _output.WriteLine($"{name} started, pid {pid}");
                return;
            }
            Thread.Sleep(100);
        }
        throw new InvalidOperationException($"{name} wrote no pid file {pidFile} within 30 s\n{Logs()}");
    }

    private void WaitIdle(TimeSpan ready)
    {
        var deadline = DateTime.UtcNow + ready;
        string state = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            ExternalProcess.Result r = Run("sinfo", ["--noheader", "--format=%T"]);
            state = r.ExitCode == 0 ? r.Stdout.Trim() : r.ToString();
            if (state == "idle")
                return;
            Thread.Sleep(500);
        }
        throw new InvalidOperationException($"the node was not idle within {ready} (sinfo: {state})\n{Logs()}");
    }

    public void Dispose()
    {
        try
        {
            if (_daemons.Any(d => d.Name == "slurmctld"))
                CancelAllJobs();
        }
        finally
        {
            // slurmd first (no new job steps), then the controller, then munge, which both use.
            foreach (var (name, pid) in Enumerable.Reverse(_daemons))
                DaemonProcess.Stop(name, pid, _output);
            _daemons.Clear();
            DeleteFolder();
        }
    }

    /// <summary>Cancel whatever is still queued or running (a failed or timed-out test) and wait for the queue to empty.</summary>
    private void CancelAllJobs()
    {
        try
        {
            Run("scancel", ["--user=root"]);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (DateTime.UtcNow < deadline && Run("squeue", ["--noheader"]).Stdout.Trim().Length > 0)
                Thread.Sleep(500);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            _output.WriteLine("cancelling jobs failed: " + e.Message);
        }
    }

    private void DeleteFolder()
    {
        try
        {
            Directory.Delete(Config.Folder, recursive: true);
        }
        catch (IOException e)
        {
            _output.WriteLine($"could not delete {Config.Folder}: {e.Message}");
        }
    }
}
