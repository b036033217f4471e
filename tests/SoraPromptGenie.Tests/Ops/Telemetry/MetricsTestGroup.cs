namespace SoraPromptGenie.Tests.Ops.Telemetry;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsTestGroup
{
    public const string Name = "Metrics (not parallel)";
}
