using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Tests.Dss;

public class DssScriptCacheTests
{
    [Fact]
    public void A_script_is_read_once_while_its_files_are_unchanged_and_again_after_an_edit()
    {
        string dir = Path.Combine(Path.GetTempPath(), "openg2g-dsscache-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string main = Path.Combine(dir, "master.dss"), lines = Path.Combine(dir, "lines.dss");
            File.WriteAllText(main, "Clear\nNew Circuit.c basekv=12.47\nRedirect lines.dss\n");
            File.WriteAllText(lines, "New Line.l1 bus1=sourcebus bus2=b1\n");

            DssScript first = DssScriptCache.Read(main);
            Assert.Same(first, DssScriptCache.Read(main));

            // An edit to an included file (a new length) invalidates the entry.
            File.WriteAllText(lines, "New Line.l1 bus1=sourcebus bus2=b1\nNew Line.l2 bus1=b1 bus2=b2\n");
            DssScript second = DssScriptCache.Read(main);
            Assert.NotSame(first, second);
            Assert.Equal(first.Commands.Length + 1, second.Commands.Length);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
