namespace OpenG2G.Cli.Tests.Cluster;

/// <summary>A fact that needs a local Slurm installation (<see cref="SlurmPrerequisites"/>); skipped with the reason when it is missing, unless <c>OPENG2G_REQUIRE_SLURM=1</c>.</summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (SlurmPrerequisites.Required)
            return;
        IReadOnlyList<string> missing = SlurmPrerequisites.Missing();
        if (missing.Count > 0)
            Skip = SlurmPrerequisites.Reason(missing);
    }
}
