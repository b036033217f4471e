using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Data;
using SoraPromptGenie.Data.Entities;

namespace SoraPromptGenie.Usage;

/// <summary>
/// Writes queued usage records in batches, each batch with a fresh DbContext. While the database is down it keeps
/// the batch and retries with exponential back-off (the queue absorbs up to its capacity, then drops and counts). On
/// shutdown it stops accepting records and drains the queue within <see cref="DrainTimeout"/>.
/// </summary>
public sealed partial class UsageLedgerWriter(UsageLedger ledger, IServiceScopeFactory scopes, ILogger<UsageLedgerWriter> logger)
    : BackgroundService
{
    public const int BatchSize = 500;

    /// <summary>
    /// After the first record of a quiet spell arrives the writer waits this long for more, so a busy server writes a
    /// few batched transactions a second instead of one per request.
    /// </summary>
    public static readonly TimeSpan GatherWindow = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private long _droppedReported;
    private List<UsageEntry> _pending = [];

    /// <summary>Records stored since start.</summary>
    public long WrittenCount { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<UsageEntry>(BatchSize);
        var backoff = TimeSpan.FromMilliseconds(500);
        try
        {
            while (true)
            {
                // A batch kept from a failed write is retried without waiting for new records.
                if (batch.Count == 0)
                {
                    if (!await ledger.Reader.WaitToReadAsync(stoppingToken))
                    {
                        break;
                    }

                    if (ledger.QueueLength < BatchSize)
                    {
                        await Task.Delay(GatherWindow, stoppingToken);
                    }
                }

                Fill(batch);
                try
                {
                    await WriteAsync(batch, stoppingToken);
                    batch.Clear();
                    backoff = TimeSpan.FromMilliseconds(500);
                    ReportDrops();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    WriteFailed(logger, batch.Count, ledger.QueueLength, ledger.DroppedCount, backoff.TotalSeconds, ex.GetType().Name, ex.Message);
                    await Task.Delay(backoff, stoppingToken);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync drains.
        }

        _pending = batch;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        ledger.Complete();
        await base.StopAsync(cancellationToken);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DrainTimeout);
        var batch = _pending;
        try
        {
            do
            {
                Fill(batch);
                if (batch.Count > 0)
                {
                    await WriteAsync(batch, timeout.Token);
                    batch.Clear();
                }
            }
            while (ledger.QueueLength > 0);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            DrainFailed(logger, batch.Count + ledger.QueueLength, ex.GetType().Name, ex.Message);
        }

        ReportDrops();
    }

    private void Fill(List<UsageEntry> batch)
    {
        while (batch.Count < BatchSize && ledger.Reader.TryRead(out var entry))
        {
            batch.Add(entry);
        }
    }

    private async Task WriteAsync(List<UsageEntry> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await LedgerRowInserter.InsertAsync(db, batch.ConvertAll(ToRow), cancellationToken);
        WrittenCount += batch.Count;
    }

    private void ReportDrops()
    {
        var dropped = ledger.DroppedCount;
        if (dropped > _droppedReported)
        {
            RecordsDropped(logger, dropped - _droppedReported, dropped);
            _droppedReported = dropped;
        }
    }

    private static LlmCall ToRow(UsageEntry entry) => new()
    {
        Id = Guid.CreateVersion7(new DateTimeOffset(entry.Timestamp, TimeSpan.Zero)),
        Timestamp = entry.Timestamp,
        Operation = entry.Call.Operation.ToString().ToLowerInvariant(),
        Model = entry.Call.Model,
        Engine = entry.Call.Engine,
        Outcome = entry.Call.Outcome.Name(),
        StatusCode = entry.Call.StatusCode,
        LatencyMs = entry.Call.LatencyMs,
        PromptTokens = entry.Call.InputTokens,
        CompletionTokens = entry.Call.OutputTokens,
        Cost = entry.Call.Cost,
        Cached = entry.Call.Cached,
        Offline = entry.Call.Kind == EngineKind.Offline,
        RequestId = entry.RequestId,
    };

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Usage ledger could not write {BatchCount} record(s) ({QueueLength} queued, {DroppedCount} dropped so far); retrying in {BackoffSeconds}s: {ExceptionType}: {Reason}")]
    private static partial void WriteFailed(
        ILogger logger, int batchCount, int queueLength, long droppedCount, double backoffSeconds, string exceptionType, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Usage ledger dropped {NewlyDropped} record(s) because its queue was full ({DroppedCount} since start)")]
    private static partial void RecordsDropped(ILogger logger, long newlyDropped, long droppedCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Usage ledger lost {Count} record(s) at shutdown: {ExceptionType}: {Reason}")]
    private static partial void DrainFailed(ILogger logger, int count, string exceptionType, string reason);
}
