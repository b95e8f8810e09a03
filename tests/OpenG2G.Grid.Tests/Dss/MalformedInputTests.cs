using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.PowerFlow;

namespace OpenG2G.Grid.Tests.Dss;

/// <summary>Bad feeder files give one diagnostic per problem, with file:line:column; whole messages pinned.</summary>
public sealed class MalformedInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("openg2g-dss-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Source = "New Circuit.t basekv=12.47 bus1=src\n";

    private string[] Errors(string text, params (string Name, string Text)[] others)
    {
        foreach (var (name, t) in others)
            File.WriteAllText(Path.Combine(_dir, name), t);
        string path = Path.Combine(_dir, "main.dss");
        File.WriteAllText(path, text);
        var e = Assert.Throws<InvalidInputException>(() => Feeder.Load(path));
        return e.Errors.Select(d => d.ToString().Replace(_dir + Path.DirectorySeparatorChar, "")).ToArray();
    }

    [Fact]
    public void Unknown_property_names_the_element_and_lists_the_properties()
    {
        var errors = Errors(Source + "New Line.l1 bus1=src bus2=b lenght=2\n");
        Assert.Equal(
            ["main.dss:2:29: Line.l1: unknown property 'lenght'; Line properties are bus1, bus2, linecode, length, phases, r1, x1, r0, x0, c1, c0, rmatrix, xmatrix, cmatrix, switch, rg, xg, rho, geometry, units, spacing, wires, earthmodel, cncables, tscables, b1, b0, seasons, ratings, linetype, normamps, emergamps, faultrate, pctperm, repair, basefreq, enabled, like"],
            errors);
    }

    [Fact]
    public void Undefined_linecode()
    {
        var errors = Errors(Source + "New Line.l1 bus1=src bus2=b linecode=mtx601 length=2\n");
        Assert.Equal(["main.dss:2:38: Line.l1: linecode: LineCode.mtx601 is not defined (define it before the lines that use it)"], errors);
    }

    [Fact]
    public void Matrix_of_the_wrong_size()
    {
        var errors = Errors(Source + "New LineCode.c nphases=3\n~ rmatrix=[1 | 2 3 | 4]\n");
        Assert.Equal(["main.dss:3:11: LineCode.c: rmatrix: 4 values for a 3x3 matrix; expected 6 (lower triangle) or 9 (full), for 3 phases"], errors);
    }

    [Fact]
    public void Missing_redirect_file_names_where_it_was_looked_for()
    {
        var errors = Errors(Source + "Redirect codes.dss\n");
        Assert.Equal(["main.dss:2:10: Redirect: file 'codes.dss' not found (looked for codes.dss)"], errors); // folder prefix removed
    }

    [Fact]
    public void Errors_in_included_files_carry_the_include_chain()
    {
        var errors = Errors(Source + "Redirect codes.dss\n", ("codes.dss", "\nNew LineCode.c nphases=1 r1=abc\n"));
        Assert.Equal(["codes.dss:2:29: LineCode.c: r1: expected a number, got 'abc' (included from main.dss:2:1)"], errors);
    }

    [Fact]
    public void Bus_with_no_path_to_the_source()
    {
        var errors = Errors(Source + "New Line.l1 bus1=src bus2=b\nNew Load.island bus1=x phases=1 kv=7.2 kw=1\n");
        Assert.Equal(["main.dss:3:22: bus 'x' (node x.1) has no path to the source through lines or transformers"], errors);
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var errors = Errors(Source + "New Line.l1 bus1=src bus2=b foo=1 bar=2\nFrobnicate\n");
        Assert.Equal(3, errors.Length);
        Assert.StartsWith("main.dss:2:29: Line.l1: unknown property 'foo'", errors[0]);
        Assert.StartsWith("main.dss:2:35: Line.l1: unknown property 'bar'", errors[1]);
        Assert.Equal("main.dss:3:1: unknown command 'Frobnicate'; expected New, Edit, ~, Set, Redirect, Compile, Clear, CalcVoltageBases, BatchEdit, Solve, or one of Show, Plot, Export, SetBusXY (skipped)", errors[2]);
    }

    [Fact]
    public void Unclosed_bracket_and_bad_rpn()
    {
        var errors = Errors(Source + "New Line.l1 bus1=src bus2=b length=(1 +)\nNew Line.l2 bus1=src bus2=c rmatrix=[1 2\n");
        Assert.Equal(
            [
                "main.dss:3:37: '[' is not closed on this line; expected ']'",
                "main.dss:2:36: Line.l1: length: cannot evaluate '(1 +)': RPN operator '+' needs 2 operand(s) on the stack, found 1",
            ],
            errors);
    }
}
