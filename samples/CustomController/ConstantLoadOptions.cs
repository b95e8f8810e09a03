namespace CustomController;

/// <summary>Options of the <c>constant-load</c> datacenter: real power per phase in kW.</summary>
public sealed record ConstantLoadOptions
{
    public double PowerKwPerPhase { get; init; } = 100.0;
}
