namespace SoraPromptGenie.Tests.Ops;

/// <summary>
/// Tests of process-wide instrumentation, run alone after the parallel tests: OpenTelemetry listens to every meter in
/// the process (another host's requests would blur the series under test), and the Sentry SDK installs global hooks
/// that make every other host's requests slower and heavier while it is on.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideTestGroup
{
    public const string Name = "Process-wide instrumentation (not parallel)";
}
