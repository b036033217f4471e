namespace SoraPromptGenie.Ops.Memory;

/// <summary>
/// Start-up leaves megabytes of garbage (configuration binding, the EF Core model, the catalog, endpoint building) in a
/// heap committed for that burst, and an idle server never allocates enough to trigger a collection that would give the
/// memory back. One aggressive collection once the server listens returns it to the operating system; it pauses the
/// process once (about 13 ms for the published app), before the first real request.
/// </summary>
internal sealed partial class StartupHeapRelease(IHostApplicationLifetime lifetime, ILogger<StartupHeapRelease> logger) : IHostedService
{
    private const double Mebibyte = 1024 * 1024;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(Release, CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Release()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var heap = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        Released(logger, heap.HeapSizeBytes / Mebibyte, heap.TotalCommittedBytes / Mebibyte, clock.Elapsed.TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Start-up garbage released: GC heap {HeapMiB:0.0} MiB, committed {CommittedMiB:0.0} MiB, in {ElapsedMs:0}ms")]
    private static partial void Released(ILogger logger, double heapMiB, double committedMiB, double elapsedMs);
}
