using System.Net.Sockets;

namespace OpenG2G.Cli.Commands;

/// <summary>A listening Unix domain socket in a private folder; removes the socket file when disposed or when the process exits.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class EnvSocket : IDisposable
{
    private readonly Socket _listener;
    private readonly string _path;

    public EnvSocket(string path)
    {
        _path = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(_path)!;
        if (!Directory.Exists(folder))
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(_path));
        _listener.Listen(1);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove();
    }

    /// <summary>Null when <paramref name="path"/> can be served on, else why not.</summary>
    public static string? Problem(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return "Unix domain sockets are served on Linux and macOS only; leave --socket out to serve on standard input/output";
        string full = Path.GetFullPath(path);
        if (File.Exists(full) || Directory.Exists(full))
            return $"'{path}' already exists; give a path that does not";
        if (System.Text.Encoding.UTF8.GetByteCount(full) > 100)
            return $"'{full}' is longer than a Unix socket path may be (100 bytes); use a shorter one";
        string folder = Path.GetDirectoryName(full)!;
        if (Directory.Exists(folder))
        {
            UnixFileMode mode = File.GetUnixFileMode(folder);
            const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
            if ((mode & others) != 0)
                return $"the folder '{folder}' is open to other users (mode {Convert.ToString((int)mode, 8)}); the socket must be in a folder of mode 0700 (give a folder that does not exist and it is created so)";
        }
        else if (!Directory.Exists(Path.GetDirectoryName(folder)))
            return $"the folder above '{folder}' does not exist";
        return null;
    }

    public NetworkStream Accept() => new(_listener.Accept(), ownsSocket: true);

    public void Dispose()
    {
        _listener.Dispose();
        Remove();
    }

    private void Remove()
    {
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
            // Already gone, or the folder was removed.
        }
    }
}
