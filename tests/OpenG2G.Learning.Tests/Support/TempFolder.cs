namespace OpenG2G.Learning.Tests.Support;

/// <summary>A fresh folder under the system's temp folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => System.IO.Directory.CreateDirectory(Directory);

    public string Directory { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "openg2g-rl-" + Guid.NewGuid().ToString("N"));

    public string PathOf(string name) => System.IO.Path.Combine(Directory, name);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
