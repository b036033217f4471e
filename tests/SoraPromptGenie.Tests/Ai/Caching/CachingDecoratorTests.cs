using System.Runtime.CompilerServices;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Ai.Caching;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;

namespace SoraPromptGenie.Tests.Ai.Caching;

/// <summary>The response cache as a decorator over the single run and stream calls, on an in-process store.</summary>
public sealed class CachingDecoratorTests
{
    private static readonly TextOperation.Expand Idea = new("a lighthouse keeper at dusk");
    private static readonly SuggestionRequest Lighting = new(new Category("lighting", "Lighting", "visuals", true, "light", []), 3, null);

    private readonly CountingEngine _inner = new();
    private readonly List<LlmCallRecord> _records = [];
    private readonly CachingPromptEngine _engine;

    public CachingDecoratorTests()
    {
        var cache = new LlmResponseCache(
            new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())),
            redis: null,
            new LlmCacheOptions(),
            TimeProvider.System,
            NullLogger<LlmResponseCache>.Instance);
        _engine = new CachingPromptEngine(_inner, cache, new LlmCacheKeys("openrouter", ["m"]), new ListObserver(_records));
    }

    [Fact]
    public async Task RunAsync_SameOperationTwice_SecondIsTheStoredAnswerRecordedAsCachedCall()
    {
        var first = await _engine.RunAsync(Idea, CancellationToken.None);
        var second = await _engine.RunAsync(Idea, CancellationToken.None);

        Assert.Equal(1, _inner.Calls);
        Assert.Equal(new EngineText(first.Text, "openrouter:m", Cached: true), second);
        var hit = Assert.Single(_records);
        Assert.Equal((PromptOperation.Expand, "m", CallOutcome.Ok, true), (hit.Operation, hit.Model, hit.Outcome, hit.Cached));
    }

    [Fact]
    public async Task RunAsync_Suggestions_AreStoredAndAnsweredAsSuggestions()
    {
        var first = await _engine.RunAsync(Lighting, CancellationToken.None);
        var second = await _engine.RunAsync(Lighting, CancellationToken.None);

        Assert.Equal(1, _inner.Calls);
        Assert.True(second.Cached);
        Assert.Equal(first.Suggestions, second.Suggestions);
        Assert.Equal(PromptOperation.Suggest, Assert.Single(_records).Operation);
    }

    [Fact]
    public async Task RunAsync_FreshOperation_SkipsTheStoredAnswerAndStoresTheNewOne()
    {
        await _engine.RunAsync(Idea, CancellationToken.None);

        var fresh = await _engine.RunAsync(Idea with { Fresh = true }, CancellationToken.None);
        var after = await _engine.RunAsync(Idea, CancellationToken.None);

        Assert.Equal(2, _inner.Calls);
        Assert.False(fresh.Cached);
        Assert.Equal("answer 2", fresh.Text);
        Assert.Equal(("answer 2", true), (after.Text, after.Cached));
    }

    [Fact]
    public async Task StreamAsync_FreshOperation_SkipsTheStoredAnswer()
    {
        await CollectAsync(_engine.StreamAsync(Idea, CancellationToken.None));

        var fresh = await CollectAsync(_engine.StreamAsync(Idea with { Fresh = true }, CancellationToken.None));
        var after = await CollectAsync(_engine.StreamAsync(Idea, CancellationToken.None));

        Assert.Equal(2, _inner.Calls);
        Assert.Equal(("answer 2", false), (fresh[^1].Final?.Text, fresh[^1].Final?.Cached));
        Assert.Equal(("answer 2", true), (after[^1].Final?.Text, after[^1].Final?.Cached));
        Assert.Equal("answer 2", string.Concat(after.Select(c => c.Delta)));
    }

    [Theory]
    [InlineData("offline", null)]
    [InlineData("offline", "upstream_timeout")]
    [InlineData("openrouter:m", "upstream_error")]
    public async Task RunAsync_AnswerNotWrittenByTheModel_IsNotStored(string engine, string? fallbackReason)
    {
        _inner.Engine = engine;
        _inner.FallbackReason = fallbackReason;

        await _engine.RunAsync(Idea, CancellationToken.None);
        var second = await _engine.RunAsync(Idea, CancellationToken.None);

        Assert.Equal(2, _inner.Calls);
        Assert.False(second.Cached);
        Assert.Empty(_records);
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

    private sealed class ListObserver(List<LlmCallRecord> records) : ILlmCallObserver
    {
        public void OnCall(LlmCallRecord record) => records.Add(record);
    }

    /// <summary>Answers "answer N" on its N-th call, labelled as configured.</summary>
    private sealed class CountingEngine : IPromptEngine
    {
        public int Calls { get; private set; }

        public string Engine { get; set; } = "openrouter:m";

        public string? FallbackReason { get; set; }

        public Task<TResult> RunAsync<TResult>(EngineOperation<TResult> operation, CancellationToken cancellationToken)
            where TResult : EngineResult
        {
            Calls++;
            EngineResult answer = operation is SuggestionRequest request
                ? new EngineSuggestions([new Suggestion($"{request.Category.Id}/card-{Calls}", "Card", "A card.", request.Category.Id)], Engine, null, FallbackReason)
                : new EngineText($"answer {Calls}", Engine, null, FallbackReason);
            return Task.FromResult((TResult)answer);
        }

        public async IAsyncEnumerable<EngineStreamChunk> StreamAsync(TextOperation operation, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var answer = await RunAsync(operation, cancellationToken);
            yield return new EngineStreamChunk(answer.Text);
            yield return new EngineStreamChunk(string.Empty, answer);
        }
    }
}
