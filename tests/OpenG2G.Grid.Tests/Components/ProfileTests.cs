using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Profiles;

namespace OpenG2G.Grid.Tests.Components;

/// <summary>CSV and synthetic profiles.</summary>
public sealed class ProfileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("openg2g-profile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Csv_profiles_interpolate_linearly_and_hold_their_ends()
    {
        string path = Path.Combine(_dir, "p.csv");
        File.WriteAllText(path, "time_s,value\n0,1\n10,3\n20,2\n");
        var p = CsvProfile.Read(path);
        Assert.Equal(1.0, p.ValueAt(-5));
        Assert.Equal(2.0, p.ValueAt(5));
        Assert.Equal(2.5, p.ValueAt(15));
        Assert.Equal(2.0, p.ValueAt(99));
    }

    [Fact]
    public void Bad_csv_rows_are_reported_with_their_line()
    {
        string path = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(path, "time_s,value\n0,1\n0,2\nx,3\n");
        var e = Assert.Throws<InvalidInputException>(() => CsvProfile.Read(path));
        Assert.Equal(
            [$"{path}:3:1: time 0 s does not increase (previous row 0 s)", $"{path}:4:1: expected two finite numbers 'time_s,value', got 'x,3'"],
            e.Errors.Select(d => d.ToString()));
    }

    [Fact]
    public void Synthetic_shapes_follow_the_published_formulas()
    {
        // Load 3 at t = 3120 s: base 0.10 + 0.90 bump(0) = 1.0, times 1 + 0.06 sin(2 pi 3120 / 241 + 4.2).
        double expected = 1.0 * (1 + 0.06 * Math.Sin(2 * Math.PI * 3120 / 241.0 + 4.2));
        Assert.Equal(expected, SyntheticProfiles.Load(3).ValueAt(3120), 12);
        Assert.Equal(0.0, SyntheticProfiles.Bump(1000, 600, 120));
        Assert.True(SyntheticProfiles.Pv(2).ValueAt(0) >= 0);
    }
}
