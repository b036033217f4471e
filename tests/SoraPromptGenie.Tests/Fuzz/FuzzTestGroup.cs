namespace SoraPromptGenie.Tests.Fuzz;

/// <summary>
/// The fuzz tests measure the process's managed memory, so they run alone after the parallel tests: another host
/// running at the same time would add its own allocations to the figure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzTestGroup
{
    public const string Name = "Fuzzing with a memory check (not parallel)";
}
