using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace SoraPromptGenie.Tests.Processes;

/// <summary>One garbage collection: the generation collected and the runtime's reason (its <c>gc_reason</c> value).</summary>
internal sealed record GcCollection(int Generation, int Reason)
{
    // GC.Collect's reasons: forced, not forced, compacting, aggressive. TraceEvent's enum has no name for the last.
    private static readonly int[] InducedReasons = [1, 7, 10, 17];

    public bool IsInduced => InducedReasons.Contains(Reason);

    public override string ToString() => $"gen{Generation} (reason {Reason})";
}

/// <summary>
/// The garbage collections of an app process, read from the runtime's GC events over EventPipe. The process must be
/// started with <see cref="SuspendAtStart"/>: its runtime waits until the session is open, so no collection is missed.
/// </summary>
internal sealed class GcTrace : IAsyncDisposable
{
    public static readonly KeyValuePair<string, string> SuspendAtStart = new("DOTNET_DefaultDiagnosticPortSuspend", "1");

    private readonly EventPipeSession _session;
    private readonly Task _processing;
    private readonly List<GcCollection> _collections = [];
    private readonly Lock _gate = new();
    private bool _stopped;

    private GcTrace(EventPipeSession session)
    {
        _session = session;
        var source = new EventPipeEventSource(session.EventStream);
        source.Clr.GCStart += e =>
        {
            lock (_gate)
            {
                _collections.Add(new GcCollection(e.Depth, (int)e.Reason));
            }
        };
        _processing = Task.Run(source.Process);
    }

    public IReadOnlyList<GcCollection> Collections
    {
        get
        {
            lock (_gate)
            {
                return [.. _collections];
            }
        }
    }

    /// <summary>Opens the session on a process waiting at start, then lets its runtime go on.</summary>
    public static async Task<GcTrace> AttachAsync(int processId, TimeSpan timeout)
    {
        var client = new DiagnosticsClient(processId);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                var session = client.StartEventPipeSession(
                    [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, (long)ClrTraceEventParser.Keywords.GC)],
                    requestRundown: false);
                var trace = new GcTrace(session);
                client.ResumeRuntime();
                return trace;
            }
            catch (ServerNotAvailableException) when (DateTime.UtcNow < deadline)
            {
                // The runtime has not opened its diagnostic port yet.
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Ends the session after the events sent so far have been read.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _session.StopAsync(CancellationToken.None);
        await _processing;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (ServerNotAvailableException)
        {
            // The process has already gone.
        }

        _session.Dispose();
    }
}
