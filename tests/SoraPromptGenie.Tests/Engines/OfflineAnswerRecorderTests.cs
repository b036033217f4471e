using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Offline;

namespace SoraPromptGenie.Tests.Engines;

public sealed class OfflineAnswerRecorderTests
{
    private static readonly PromptCatalog Catalog = PromptCatalog.LoadEmbedded();

    private readonly List<LlmCallRecord> _records = [];

    [Theory]
    [InlineData(CallOutcome.Ok)]
    [InlineData(CallOutcome.Fallback)]
    public async Task RunAsync_EveryOperation_RecordsOneOfflineCallWithTheGivenOutcome(CallOutcome outcome)
    {
        var engine = new OfflineAnswerRecorder(new OfflinePromptEngine(Catalog), new ListObserver(_records), outcome);

        await engine.RunAsync(new TextOperation.Expand("a fox crossing a road"), CancellationToken.None);
        await engine.RunAsync(new SuggestionRequest(Catalog.FindCategory("lighting")!, 2, null), CancellationToken.None);

        Assert.Equal([PromptOperation.Expand, PromptOperation.Suggest], _records.Select(r => r.Operation));
        Assert.All(_records, r => Assert.Equal(("offline", "offline", outcome, EngineKind.Offline, false), (r.Model, r.Engine, r.Outcome, r.Kind, r.Cached)));
    }

    [Fact]
    public async Task StreamAsync_ReaderStopsAtTheFinalChunk_RecordsTheCall()
    {
        var engine = new OfflineAnswerRecorder(new OfflinePromptEngine(Catalog), new ListObserver(_records), CallOutcome.Ok);

        // Readers such as the SSE writer and the studio stop as soon as the final chunk arrives.
        await foreach (var chunk in engine.StreamAsync(new TextOperation.Structure("A fox crosses a road. It stops."), CancellationToken.None))
        {
            if (chunk.Final is not null)
            {
                break;
            }
        }

        Assert.Equal(PromptOperation.Structure, Assert.Single(_records).Operation);
    }

    [Fact]
    public async Task StreamAsync_ReaderStopsBeforeTheFinalChunk_RecordsNothing()
    {
        var engine = new OfflineAnswerRecorder(new OfflinePromptEngine(Catalog), new ListObserver(_records), CallOutcome.Ok);

        var read = 0;
        await foreach (var _ in engine.StreamAsync(new TextOperation.Expand("a fox crossing a snowy road at night"), CancellationToken.None))
        {
            read++;
            break;
        }

        Assert.Equal(1, read);
        Assert.Empty(_records);
    }

    private sealed class ListObserver(List<LlmCallRecord> records) : ILlmCallObserver
    {
        public void OnCall(LlmCallRecord record) => records.Add(record);
    }
}
