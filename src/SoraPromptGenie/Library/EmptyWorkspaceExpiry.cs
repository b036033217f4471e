using Microsoft.Extensions.Options;
using SoraPromptGenie.Data;

namespace SoraPromptGenie.Library;

/// <summary>
/// Deletes workspaces that hold no prompt and were unused for <see cref="LibraryOptions.EmptyWorkspaceRetentionDays"/>:
/// once at start, then every <see cref="SweepInterval"/>. Every instance sweeps; the delete is idempotent, so running it
/// on several at once only repeats a cheap query. A database outage skips a sweep with a warning, any other failure with
/// an error; neither stops the host.
/// </summary>
public sealed partial class EmptyWorkspaceExpiry(
    IServiceScopeFactory scopes,
    IOptions<LibraryOptions> options,
    TimeProvider time,
    ILogger<EmptyWorkspaceExpiry> logger) : BackgroundService
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromHours(1);

    /// <summary>Deletes the expired empty workspaces now; returns how many (none when expiry is off).</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.EmptyWorkspaceRetentionDays;
        if (days == 0)
        {
            return 0;
        }

        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-days);
        await using var scope = scopes.CreateAsyncScope();
        var deleted = await scope.ServiceProvider.GetRequiredService<LibraryService>().DeleteEmptyWorkspacesAsync(cutoff, cancellationToken);
        if (deleted > 0)
        {
            Expired(logger, deleted, days);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.EmptyWorkspaceRetentionDays == 0)
        {
            return;
        }

        // Start-up goes on while the first sweep runs.
        await Task.Yield();
        using var timer = new PeriodicTimer(SweepInterval, time);
        try
        {
            do
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (DatabaseFailures.IsOutage(ex))
                {
                    SweepSkipped(logger, ex.GetType().Name);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed sweep must not stop the host (a background service's exception would).
                    SweepFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} empty workspace(s) unused for {Days} days")]
    private static partial void Expired(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Empty-workspace expiry skipped: the database is unavailable ({Reason}); next try in an hour")]
    private static partial void SweepSkipped(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Empty-workspace expiry failed; next try in an hour")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
