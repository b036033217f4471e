using System.Threading.Channels;
using SoraPromptGenie.Core.Engines;

namespace SoraPromptGenie.Usage;

/// <summary>A call record waiting for the ledger writer, with the request it belongs to.</summary>
public sealed record UsageEntry(LlmCallRecord Call, string? RequestId, DateTime Timestamp);

/// <summary>
/// The request-path half of the usage ledger: <see cref="OnCall"/> only puts the record in a bounded in-memory
/// queue (no I/O, never blocks). <see cref="UsageLedgerWriter"/> stores it. When the queue is full (the database has
/// been down for a while) new records are dropped and counted instead of slowing requests down.
/// </summary>
public sealed class UsageLedger : ILlmCallObserver
{
    public const int DefaultCapacity = 10_000;

    private readonly Channel<UsageEntry> _channel;
    private readonly IHttpContextAccessor? _httpContext;
    private readonly TimeProvider _time;
    private long _dropped;

    public UsageLedger(TimeProvider time, IHttpContextAccessor? httpContext = null, int capacity = DefaultCapacity)
    {
        _time = time;
        _httpContext = httpContext;
        _channel = Channel.CreateBounded<UsageEntry>(
            new BoundedChannelOptions(capacity)
            {
                FullMode = BoundedChannelFullMode.DropWrite,
                SingleReader = true,
                SingleWriter = false,
            },
            _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>Records waiting to be written.</summary>
    public int QueueLength => _channel.Reader.Count;

    /// <summary>Records dropped since start because the queue was full or the ledger had shut down.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    internal ChannelReader<UsageEntry> Reader => _channel.Reader;

    public void OnCall(LlmCallRecord record)
    {
        // Same async flow as the request, so the accessor still sees it here.
        var entry = new UsageEntry(record, _httpContext?.HttpContext?.TraceIdentifier, _time.GetUtcNow().UtcDateTime);
        if (!_channel.Writer.TryWrite(entry))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>No more records are accepted; the writer drains what is queued.</summary>
    internal void Complete() => _channel.Writer.TryComplete();
}
