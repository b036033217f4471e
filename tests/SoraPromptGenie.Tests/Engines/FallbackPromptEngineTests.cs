using System.Runtime.CompilerServices;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;

namespace SoraPromptGenie.Tests.Engines;

public sealed class FallbackPromptEngineTests
{
    private static readonly EnhancementSpec GoldenHour = new("Golden Hour", "Low warm sun.", "lighting");
    private static readonly EnhancementSpec LowAngle = new("Low Angle", "Camera looks up.", "camera-angles");
    private static readonly SuggestionRequest Request = new(new Category("lighting", "Lighting", "visuals", true, "light", []), 3, null);

    private readonly RecordingObserver _observer = new();

    public static TheoryData<UpstreamFailure, string> Failures => new()
    {
        { UpstreamFailure.Error, "upstream_error" },
        { UpstreamFailure.AuthFailed, "upstream_auth_failed" },
        { UpstreamFailure.Unavailable, "upstream_unavailable" },
        { UpstreamFailure.Timeout, "upstream_timeout" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task ExpandAsync_PrimaryFailsWithFallbackOn_ReturnsOfflineAnswerWithReason(UpstreamFailure failure, string code)
    {
        var primary = StubEngine.Failing("openrouter:m", new UpstreamException(failure, "boom"));
        var offline = StubEngine.Answering("offline");
        var engine = new FallbackPromptEngine(primary, offline, fallbackToOffline: true, _observer);

        var result = await engine.RunAsync(new TextOperation.Expand("a fox crossing a road"), CancellationToken.None);

        Assert.Equal(new EngineText("offline expand: a fox crossing a road", "offline", null, code), result);
        var record = Assert.Single(_observer.Records);
        Assert.Equal((PromptOperation.Expand, "offline", CallOutcome.Fallback), (record.Operation, record.Engine, record.Outcome));
    }

    [Fact]
    public async Task EnhanceAsync_PrimaryFails_ReturnsOfflineMergeWithReason()
    {
        var primary = StubEngine.Failing("openrouter:m", new UpstreamException(UpstreamFailure.Timeout, "slow"));
        var offline = StubEngine.Answering("offline");
        var engine = new FallbackPromptEngine(primary, offline, fallbackToOffline: true, _observer);

        var result = await engine.RunAsync(new TextOperation.Enhance("A fox.", [GoldenHour, LowAngle]), CancellationToken.None);

        Assert.Equal("offline enhance: A fox. + Golden Hour, Low Angle", result.Text);
        Assert.Equal(("offline", "upstream_timeout"), (result.Engine, result.FallbackReason));
        Assert.Equal(PromptOperation.Merge, Assert.Single(_observer.Records).Operation);
    }

    [Fact]
    public async Task SuggestAsync_PrimaryFails_ReturnsOfflineSuggestionsWithReason()
    {
        var primary = StubEngine.Failing("openrouter:m", new UpstreamException(UpstreamFailure.Error, "bad"));
        var offline = StubEngine.Answering("offline");
        var engine = new FallbackPromptEngine(primary, offline, fallbackToOffline: true);

        var result = await engine.RunAsync(Request, CancellationToken.None);

        Assert.Equal("lighting/offline-1", Assert.Single(result.Suggestions).Id);
        Assert.Equal(("offline", "upstream_error"), (result.Engine, result.FallbackReason));
    }

    [Fact]
    public async Task StructureAsync_PrimaryFails_ReturnsOfflineStructureWithReason()
    {
        var primary = StubEngine.Failing("openrouter:m", new UpstreamException(UpstreamFailure.Unavailable, "429"));
        var offline = StubEngine.Answering("offline");
        var engine = new FallbackPromptEngine(primary, offline, fallbackToOffline: true);

        var result = await engine.RunAsync(new TextOperation.Structure("A fox. It runs."), CancellationToken.None);

        Assert.Equal("offline structure: A fox. It runs.", result.Text);
        Assert.Equal("upstream_unavailable", result.FallbackReason);
    }

    [Fact]
    public async Task ExpandAsync_PrimarySucceeds_ReturnsPrimaryWithoutAskingOffline()
    {
        var primary = StubEngine.Answering("openrouter:m");
        var offline = StubEngine.Answering("offline");
        var engine = new FallbackPromptEngine(primary, offline, fallbackToOffline: true, _observer);

        var result = await engine.RunAsync(new TextOperation.Expand("a fox crossing a road"), CancellationToken.None);

        Assert.Equal(("openrouter:m", null), (result.Engine, result.FallbackReason));
        Assert.Equal(0, offline.Calls);
        Assert.Empty(_observer.Records);
    }

    [Fact]
    public async Task ExpandAsync_FallbackOff_RethrowsTheUpstreamFailure()
    {
        var failure = new UpstreamException(UpstreamFailure.AuthFailed, "bad key", 401);
        var primary = StubEngine.Failing("openrouter:m", failure);
        var offline = StubEngine.Answering("offline");
        var engine = new FallbackPromptEngine(primary, offline, fallbackToOffline: false, _observer);

        var ex = await Assert.ThrowsAsync<UpstreamException>(() => engine.RunAsync(new TextOperation.Expand("a fox crossing a road"), CancellationToken.None));

        Assert.Same(failure, ex);
        Assert.Equal(0, offline.Calls);
    }

    [Fact]
    public async Task ExpandAsync_CallerCancelled_DoesNotFallBack()
    {
        using var caller = new CancellationTokenSource();
        await caller.CancelAsync();
        var primary = StubEngine.Failing("openrouter:m", new OperationCanceledException(caller.Token));
        var offline = StubEngine.Answering("offline");
        var engine = new FallbackPromptEngine(primary, offline, fallbackToOffline: true);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.RunAsync(new TextOperation.Expand("a fox crossing a road"), caller.Token));

        Assert.Equal(0, offline.Calls);
    }

    [Fact]
    public async Task StreamAsync_PrimaryFailsBeforeAnyDelta_StreamsOfflineAnswerWithReason()
    {
        var primary = StubEngine.Failing("openrouter:m", new UpstreamException(UpstreamFailure.Unavailable, "open circuit"));
        var offline = StubEngine.Answering("offline");
        var engine = new FallbackPromptEngine(primary, offline, fallbackToOffline: true, _observer);

        var chunks = await CollectAsync(engine.StreamAsync(new TextOperation.Expand("a fox crossing a road"), CancellationToken.None));

        Assert.Equal("offline expand: a fox crossing a road", string.Concat(chunks.Select(c => c.Delta)));
        var final = chunks[^1].Final;
        Assert.Equal(("offline", "upstream_unavailable"), (final?.Engine, final?.FallbackReason));
        Assert.Equal(CallOutcome.Fallback, Assert.Single(_observer.Records).Outcome);
    }

    [Fact]
    public async Task StreamAsync_PrimaryFailsAfterADelta_Rethrows()
    {
        var primary = StubEngine.Failing("openrouter:m", new UpstreamException(UpstreamFailure.Error, "reset"), deltasBeforeFailure: 2);
        var offline = StubEngine.Answering("offline");
        var engine = new FallbackPromptEngine(primary, offline, fallbackToOffline: true);
        var received = new List<EngineStreamChunk>();

        await Assert.ThrowsAsync<UpstreamException>(async () =>
        {
            await foreach (var chunk in engine.StreamAsync(new TextOperation.Expand("a fox crossing a road"), CancellationToken.None))
            {
                received.Add(chunk);
            }
        });

        Assert.Equal(2, received.Count);
        Assert.Equal(0, offline.Calls);
    }

    [Fact]
    public async Task StreamAsync_FallbackOff_Rethrows()
    {
        var primary = StubEngine.Failing("openrouter:m", new UpstreamException(UpstreamFailure.Timeout, "slow"));
        var offline = StubEngine.Answering("offline");
        var engine = new FallbackPromptEngine(primary, offline, fallbackToOffline: false);

        var ex = await Assert.ThrowsAsync<UpstreamException>(
            () => CollectAsync(engine.StreamAsync(new TextOperation.Expand("a fox crossing a road"), CancellationToken.None)));

        Assert.Equal(UpstreamFailure.Timeout, ex.Failure);
        Assert.Equal(0, offline.Calls);
    }

    [Fact]
    public async Task StreamAsync_PrimarySucceeds_PassesChunksThrough()
    {
        var primary = StubEngine.Answering("openrouter:m");
        var offline = StubEngine.Answering("offline");
        var engine = new FallbackPromptEngine(primary, offline, fallbackToOffline: true);

        var chunks = await CollectAsync(engine.StreamAsync(new TextOperation.Structure("A fox."), CancellationToken.None));

        Assert.Equal("openrouter:m", chunks[^1].Final?.Engine);
        Assert.Null(chunks[^1].Final?.FallbackReason);
        Assert.Equal(0, offline.Calls);
    }

    private static async Task<List<EngineStreamChunk>> CollectAsync(IAsyncEnumerable<EngineStreamChunk> stream)
    {
        var chunks = new List<EngineStreamChunk>();
        await foreach (var chunk in stream)
        {
            chunks.Add(chunk);
        }

        return chunks;
    }

    private sealed class RecordingObserver : ILlmCallObserver
    {
        public List<LlmCallRecord> Records { get; } = [];

        public void OnCall(LlmCallRecord record) => Records.Add(record);
    }

    /// <summary>A hand-written engine: answers with text derived from its input, or fails with a given exception.</summary>
    private sealed class StubEngine : IPromptEngine
    {
        private readonly string _engine;
        private readonly Exception? _failure;
        private readonly int _deltasBeforeFailure;

        private StubEngine(string engine, Exception? failure, int deltasBeforeFailure)
        {
            _engine = engine;
            _failure = failure;
            _deltasBeforeFailure = deltasBeforeFailure;
        }

        public int Calls { get; private set; }

        public static StubEngine Answering(string engine) => new(engine, null, 0);

        public static StubEngine Failing(string engine, Exception failure, int deltasBeforeFailure = 0) =>
            new(engine, failure, deltasBeforeFailure);

        public Task<TResult> RunAsync<TResult>(EngineOperation<TResult> operation, CancellationToken cancellationToken)
            where TResult : EngineResult
        {
            Calls++;
            EngineResult answer = operation switch
            {
                SuggestionRequest request => new EngineSuggestions([new Suggestion($"{request.Category.Id}/offline-1", "Card", "A card.", request.Category.Id)], _engine),
                TextOperation text => new EngineText($"{_engine} {Describe(text)}", _engine),
                _ => throw new ArgumentOutOfRangeException(nameof(operation)),
            };
            return _failure is null ? Task.FromResult((TResult)answer) : Task.FromException<TResult>(_failure);
        }

        public async IAsyncEnumerable<EngineStreamChunk> StreamAsync(
            TextOperation operation,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Calls++;
            var text = $"{_engine} {Describe(operation)}";
            var words = text.Split(' ');
            for (var i = 0; i < words.Length; i++)
            {
                if (_failure is not null && i == _deltasBeforeFailure)
                {
                    throw _failure;
                }

                await Task.Yield();
                yield return new EngineStreamChunk(i == 0 ? words[i] : " " + words[i]);
            }

            yield return new EngineStreamChunk(string.Empty, new EngineText(text, _engine));
        }

        private static string Describe(TextOperation operation) => operation switch
        {
            TextOperation.Expand expand => $"expand: {expand.BasicPrompt}",
            TextOperation.Structure structure => $"structure: {structure.Prompt}",
            TextOperation.Enhance enhance => $"enhance: {enhance.CurrentPrompt} + {string.Join(", ", enhance.Enhancements.Select(e => e.Title))}",
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
    }
}
