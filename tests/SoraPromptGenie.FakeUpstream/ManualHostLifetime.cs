namespace SoraPromptGenie.FakeUpstream;

/// <summary>
/// Replaces the console lifetime so an in-process fake never reacts to the test host's Ctrl+C or SIGTERM;
/// the owner stops it, and process mode handles signals itself.
/// </summary>
internal sealed class ManualHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
