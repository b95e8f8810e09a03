using System.Net;
using System.Net.Sockets;

namespace OpenG2G.Cli.Tests.Cluster;

/// <summary>
/// The slurm.conf of a one-node cluster on this host, everything under <paramref name="Folder"/>: its own munge socket
/// (so a system munged, if any, is left alone), free TCP ports (so a concurrent run or a system Slurm does not
/// collide), the node addressed as 127.0.0.1 (so the host name need not resolve), and no cgroups
/// (<c>proctrack/linuxproc</c>, <c>task/none</c>): machines like this one do not offer them.
/// </summary>
public sealed record SlurmConfig(string Folder, string NodeName, int Cpus, int ControllerPort, int NodePort)
{
    public string ConfPath => Path.Combine(Folder, "slurm.conf");
    public string MungeSocket => Path.Combine(Folder, "munge", "munge.socket");
    public string MungeKey => Path.Combine(Folder, "munge", "key", "munge.key");
    public string MungePidFile => Path.Combine(Folder, "munge", "munged.pid");
    public string ControllerPidFile => Path.Combine(Folder, "slurmctld.pid");
    public string NodePidFile => Path.Combine(Folder, "slurmd.pid");
    public string LogFolder => Path.Combine(Folder, "log");

    /// <summary>A configuration for this host with two free ports, in <paramref name="folder"/>.</summary>
    public static SlurmConfig ForThisHost(string folder)
    {
        (int controller, int node) = FreePorts();
        return new(folder, Environment.MachineName.Split('.')[0], Environment.ProcessorCount, controller, node);
    }

    /// <summary>Create the folders and write slurm.conf.</summary>
    public void Write()
    {
        foreach (string dir in new[] { "state", "spool", "log", "munge", Path.Combine("munge", "key") })
            Directory.CreateDirectory(Path.Combine(Folder, dir));
        File.WriteAllText(ConfPath, string.Join('\n', Lines()) + "\n");
    }

    private IEnumerable<string> Lines() =>
    [
        "ClusterName=openg2gtest",
        $"SlurmctldHost={NodeName}(127.0.0.1)",
        $"SlurmctldPort={ControllerPort}",
        $"SlurmdPort={NodePort}",
        "SlurmUser=root",
        "SlurmdUser=root",
        "AuthType=auth/munge",
        "CredType=cred/munge",
        $"AuthInfo=socket={MungeSocket}",
        "ProctrackType=proctrack/linuxproc",
        "TaskPlugin=task/none",
        "SchedulerType=sched/backfill",
        "SelectType=select/cons_tres",
        "SelectTypeParameters=CR_Core",
        "MailProg=/bin/true",
        "KillWait=5",
        $"StateSaveLocation={Path.Combine(Folder, "state")}",
        $"SlurmdSpoolDir={Path.Combine(Folder, "spool")}",
        $"SlurmctldPidFile={ControllerPidFile}",
        $"SlurmdPidFile={NodePidFile}",
        $"SlurmctldLogFile={Path.Combine(LogFolder, "slurmctld.log")}",
        $"SlurmdLogFile={Path.Combine(LogFolder, "slurmd.log")}",
        "ReturnToService=2",
        $"NodeName={NodeName} NodeAddr=127.0.0.1 CPUs={Cpus} State=UNKNOWN",
        $"PartitionName=debug Nodes={NodeName} Default=YES MaxTime=INFINITE State=UP",
    ];

    /// <summary>Two distinct ports free right now (both held open while asking, so they differ).</summary>
    private static (int, int) FreePorts()
    {
        using var a = new TcpListener(IPAddress.Any, 0);
        using var b = new TcpListener(IPAddress.Any, 0);
        a.Start();
        b.Start();
        return (((IPEndPoint)a.LocalEndpoint).Port, ((IPEndPoint)b.LocalEndpoint).Port);
    }
}
