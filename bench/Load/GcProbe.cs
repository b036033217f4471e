using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace SoraPromptGenie.Bench.Load;

/// <summary>
/// What the server's garbage collector did during one measurement: how often it stopped every thread, for how long,
/// and how much live data each collection of the young generations had to copy. A request that is in flight during a
/// pause waits for it, so these figures are where a p99 above the baseline's comes from.
/// </summary>
internal sealed record GcPauses(int Pauses, double TotalPauseMs, double MaxPauseMs, double PromotedMibPerCollection)
{
    public double MeanPauseMs => Pauses == 0 ? 0 : TotalPauseMs / Pauses;

    public static GcPauses Median(IReadOnlyList<GcPauses> runs) => new(
        (int)Statistics.Median(runs.Select(r => (double)r.Pauses)),
        Statistics.Median(runs.Select(r => r.TotalPauseMs)),
        Statistics.Median(runs.Select(r => r.MaxPauseMs)),
        Statistics.Median(runs.Select(r => r.PromotedMibPerCollection)));
}

/// <summary>
/// Listens to the runtime's GC events of a running server over EventPipe (the channel dotnet-trace uses) while a
/// measurement runs. Only the GC keyword at Informational level is on: a handful of events per collection.
/// </summary>
internal sealed class GcProbe : IAsyncDisposable
{
    private const long GcKeyword = (long)ClrTraceEventParser.Keywords.GC;

    private readonly EventPipeSession _session;
    private readonly Task _processing;
    private readonly List<double> _pauses = [];
    private readonly List<long> _promoted = [];
    private double _suspendedAt = double.NaN;

    private GcProbe(EventPipeSession session)
    {
        _session = session;
        var source = new EventPipeEventSource(session.EventStream);
        source.Clr.GCSuspendEEStart += e => _suspendedAt = e.TimeStampRelativeMSec;
        source.Clr.GCRestartEEStop += e =>
        {
            if (!double.IsNaN(_suspendedAt))
            {
                _pauses.Add(e.TimeStampRelativeMSec - _suspendedAt);
                _suspendedAt = double.NaN;
            }
        };

        // Bytes that survived gen0 (and gen1, for a gen1 collection): copied while every thread waits.
        source.Clr.GCHeapStats += e => _promoted.Add(e.TotalPromotedSize0 + e.TotalPromotedSize1);
        _processing = Task.Run(source.Process);
    }

    public static GcProbe Start(int processId)
    {
        var client = new DiagnosticsClient(processId);
        var session = client.StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeyword)],
            requestRundown: false);
        return new GcProbe(session);
    }

    public async Task<GcPauses> StopAsync()
    {
        await _session.StopAsync(CancellationToken.None);
        await _processing;
        return new GcPauses(
            _pauses.Count,
            _pauses.Sum(),
            _pauses.DefaultIfEmpty(0).Max(),
            _promoted.Count == 0 ? 0 : _promoted.Average() / 1_048_576);
    }

    public ValueTask DisposeAsync()
    {
        _session.Dispose();
        return ValueTask.CompletedTask;
    }
}
