namespace OpenG2G.Cli.Tests.Python;

/// <summary>A fact that needs <see cref="PythonPrerequisites"/>: skipped with the reason outside CI, run (and failing) in CI.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (!PythonPrerequisites.Required && PythonPrerequisites.Python is null)
            Skip = PythonPrerequisites.Reason;
    }
}
