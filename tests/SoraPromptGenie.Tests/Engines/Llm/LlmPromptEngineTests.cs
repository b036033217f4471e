using System.ClientModel;
using Microsoft.Extensions.AI;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Llm;
using SoraPromptGenie.Core.Engines.Prompts;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Engines.Llm;

public sealed class LlmPromptEngineTests
{
    private const string Structured =
        "A red fox crosses a snowy road at night.\n\nCinematography:\nCamera shot: wide, low angle\nMood: hushed\n\nActions:\n- The fox takes four steps, pauses.";

    private static readonly EnhancementSpec GoldenHour = new("Golden Hour", "Low warm sun from behind the subject.", "lighting");
    private static readonly EnhancementSpec LowAngle = new("Low Angle", "Camera below eye level looking up.", "camera-angles");

    private static readonly Category Lighting = new(
        "lighting",
        "Lighting",
        "visuals",
        Core: true,
        Icon: "light",
        [new Enhancement("lighting/golden-hour", "Golden Hour", "Low warm sun.", "lighting")]);

    private readonly RecordingObserver _observer = new();

    [Fact]
    public async Task EnhanceAsync_OneEnhancement_SendsVersionedEnhancePromptAndUserContent()
    {
        var client = new FakeChatClient().Reply(Structured);
        var engine = CreateEngine(client);

        await engine.RunAsync(new TextOperation.Enhance("A fox crosses a road.", [GoldenHour]), CancellationToken.None);

        var call = Assert.Single(client.Calls);
        Assert.Equal(EnhancePrompt.System, call.System);
        Assert.Equal(PromptSpec.Version, call.Messages[0].AdditionalProperties?[PromptSpec.VersionProperty]);
        Assert.Contains("A fox crosses a road.", call.User, StringComparison.Ordinal);
        Assert.Contains("Golden Hour: Low warm sun from behind the subject.", call.User, StringComparison.Ordinal);
        Assert.Equal(PromptOperation.Enhance, Assert.Single(_observer.Records).Operation);
    }

    [Fact]
    public async Task EnhanceAsync_SeveralEnhancements_MergesThemInOneCall()
    {
        var client = new FakeChatClient().Reply(Structured);
        var engine = CreateEngine(client);

        var result = await engine.RunAsync(new TextOperation.Enhance("A fox crosses a road.", [GoldenHour, LowAngle]), CancellationToken.None);

        var call = Assert.Single(client.Calls);
        Assert.Equal(MergePrompt.System, call.System);
        Assert.Contains("Golden Hour", call.User, StringComparison.Ordinal);
        Assert.Contains("Low Angle", call.User, StringComparison.Ordinal);
        Assert.Equal(Structured, result.Text);
        Assert.Equal(PromptOperation.Merge, Assert.Single(_observer.Records).Operation);
    }

    [Fact]
    public async Task ExpandAsync_Idea_SendsExpandPromptAndReturnsLabelledText()
    {
        var client = new FakeChatClient().Reply(Structured);
        var engine = CreateEngine(client);

        var result = await engine.RunAsync(new TextOperation.Expand("a fox crossing a snowy road at night"), CancellationToken.None);

        var call = Assert.Single(client.Calls);
        Assert.Equal(ExpandPrompt.System, call.System);
        Assert.Contains("<idea>\na fox crossing a snowy road at night\n</idea>", call.User, StringComparison.Ordinal);
        Assert.Equal(Structured, result.Text);
        Assert.Equal("openrouter:primary/model", result.Engine);
        Assert.Null(result.FallbackReason);
    }

    [Fact]
    public async Task StructureAsync_Prompt_SendsStructurePrompt()
    {
        var client = new FakeChatClient().Reply(Structured);
        var engine = CreateEngine(client);

        await engine.RunAsync(new TextOperation.Structure("A fox crosses a road at night, camera low, it stops."), CancellationToken.None);

        var call = Assert.Single(client.Calls);
        Assert.Equal(StructurePrompt.System, call.System);
        Assert.Contains("A fox crosses a road at night, camera low, it stops.", call.User, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public async Task StructureAsync_EmptyPrompt_ReturnsEmptyWithoutCalling(string prompt)
    {
        var client = new FakeChatClient();
        var engine = CreateEngine(client);

        var result = await engine.RunAsync(new TextOperation.Structure(prompt), CancellationToken.None);

        Assert.Equal(string.Empty, result.Text);
        Assert.Empty(client.Calls);
        Assert.Empty(_observer.Records);
    }

    [Fact]
    public async Task SuggestAsync_FencedJson_ReturnsCardsOfTheCategory()
    {
        var client = new FakeChatClient().Reply(
            "```json\n[{\"title\":\"Rim Light\",\"description\":\"Hard backlight.\"},{\"title\":\"Sodium Glow\",\"description\":\"Orange lamps.\"}]\n```");
        var engine = CreateEngine(client);

        var result = await engine.RunAsync(new SuggestionRequest(Lighting, 2, "A fox on a road"), CancellationToken.None);

        Assert.Equal(["lighting/rim-light", "lighting/sodium-glow"], result.Suggestions.Select(s => s.Id));
        var call = Assert.Single(client.Calls);
        Assert.Equal(SuggestPrompt.System, call.System);
        Assert.Contains("Category: Lighting (lighting)", call.User, StringComparison.Ordinal);
        Assert.Contains("Number of cards: 2", call.User, StringComparison.Ordinal);
        Assert.Contains("A fox on a road", call.User, StringComparison.Ordinal);
        Assert.Equal("openrouter:primary/model", result.Engine);
    }

    [Fact]
    public async Task SuggestAsync_UnusableAnswer_TriesTheNextModel()
    {
        var primary = new FakeChatClient().Reply("I cannot help with that.");
        var fallback = new FakeChatClient().Reply("""[{"title":"Rim Light","description":"Hard backlight."}]""");
        var engine = CreateEngine(primary, fallback);

        var result = await engine.RunAsync(new SuggestionRequest(Lighting, 3, null), CancellationToken.None);

        Assert.Equal("openrouter:fallback/one", result.Engine);
        Assert.Equal([CallOutcome.Error, CallOutcome.Ok], _observer.Records.Select(r => r.Outcome));
    }

    [Fact]
    public async Task ExpandAsync_WrappedAnswer_ReturnsCleanedText()
    {
        var client = new FakeChatClient().Reply("Sure! Here is your prompt:\n```\n" + Structured + "\n```\nLet me know if you'd like changes.");
        var engine = CreateEngine(client);

        var result = await engine.RunAsync(new TextOperation.Expand("a fox crossing a snowy road"), CancellationToken.None);

        Assert.Equal(Structured, result.Text);
    }

    [Fact]
    public async Task ExpandAsync_EmptyAnswer_ThrowsUpstreamError()
    {
        var client = new FakeChatClient().Reply("   ");
        var engine = CreateEngine(client);

        var ex = await Assert.ThrowsAsync<UpstreamException>(() => engine.RunAsync(new TextOperation.Expand("a fox crossing a road"), CancellationToken.None));

        Assert.Equal(UpstreamFailure.Error, ex.Failure);
        Assert.Equal("The language model returned an empty answer.", ex.Message);
        Assert.Equal(CallOutcome.Error, Assert.Single(_observer.Records).Outcome);
    }

    [Fact]
    public async Task ExpandAsync_Options_CarryModelTemperatureAndTokenLimit()
    {
        var client = new FakeChatClient().Reply(Structured);
        var engine = CreateEngine(new LlmEngineOptions { TimeoutSeconds = 5, Temperature = 0.3f, MaxOutputTokens = 400 }, client);

        await engine.RunAsync(new TextOperation.Expand("a fox crossing a road"), CancellationToken.None);

        var options = Assert.Single(client.Calls).Options;
        Assert.NotNull(options);
        Assert.Equal("primary/model", options.ModelId);
        Assert.Equal(0.3f, options.Temperature);
        Assert.Equal(400, options.MaxOutputTokens);
    }

    [Fact]
    public async Task ExpandAsync_PrimaryFails_TriesFallbackModelsInOrder()
    {
        var primary = new FakeChatClient().Throw(Status(500));
        var second = new FakeChatClient().Throw(new HttpRequestException("Connection refused"));
        var third = new FakeChatClient().Reply(Structured);
        var engine = CreateEngine(primary, second, third);

        var result = await engine.RunAsync(new TextOperation.Expand("a fox crossing a road"), CancellationToken.None);

        Assert.Equal("openrouter:fallback/two", result.Engine);
        Assert.Equal([1, 1, 1], new[] { primary.Calls.Count, second.Calls.Count, third.Calls.Count });
        Assert.Equal(["primary/model", "fallback/one", "fallback/two"], _observer.Records.Select(r => r.Model));
        Assert.Equal([CallOutcome.Error, CallOutcome.Unavailable, CallOutcome.Ok], _observer.Records.Select(r => r.Outcome));
        Assert.Equal([500, null, null], _observer.Records.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task ExpandAsync_AllModelsFail_ThrowsTheLastFailure()
    {
        var primary = new FakeChatClient().Throw(Status(500));
        var fallback = new FakeChatClient().Throw(Status(429));
        var engine = CreateEngine(primary, fallback);

        var ex = await Assert.ThrowsAsync<UpstreamException>(() => engine.RunAsync(new TextOperation.Expand("a fox crossing a road"), CancellationToken.None));

        Assert.Equal(UpstreamFailure.Unavailable, ex.Failure);
        Assert.Equal(429, ex.UpstreamStatus);
        Assert.Equal("upstream_unavailable", ex.Code);
    }

    [Fact]
    public async Task ExpandAsync_AuthFailed_StopsTheChain()
    {
        var primary = new FakeChatClient().Throw(Status(401));
        var fallback = new FakeChatClient().Reply(Structured);
        var engine = CreateEngine(primary, fallback);

        var ex = await Assert.ThrowsAsync<UpstreamException>(() => engine.RunAsync(new TextOperation.Expand("a fox crossing a road"), CancellationToken.None));

        Assert.Equal(UpstreamFailure.AuthFailed, ex.Failure);
        Assert.Equal(401, ex.UpstreamStatus);
        Assert.Empty(fallback.Calls);
        var record = Assert.Single(_observer.Records);
        Assert.Equal(CallOutcome.AuthFailed, record.Outcome);
        Assert.Equal(401, record.StatusCode);
    }

    [Fact]
    public async Task ExpandAsync_BudgetExpires_ThrowsTimeoutWithoutTryingMoreModels()
    {
        var primary = new FakeChatClient().Hang();
        var fallback = new FakeChatClient().Reply(Structured);
        var engine = CreateEngine(new LlmEngineOptions { TimeoutSeconds = 1 }, primary, fallback);

        var ex = await Assert.ThrowsAsync<UpstreamException>(() => engine.RunAsync(new TextOperation.Expand("a fox crossing a road"), CancellationToken.None));

        Assert.Equal(UpstreamFailure.Timeout, ex.Failure);
        Assert.Empty(fallback.Calls);
        var record = Assert.Single(_observer.Records);
        Assert.Equal(CallOutcome.Timeout, record.Outcome);
        Assert.InRange(record.LatencyMs, 900, 10_000);
    }

    [Fact]
    public async Task ExpandAsync_CallerCancels_PropagatesCancellation()
    {
        var primary = new FakeChatClient().Hang();
        var fallback = new FakeChatClient().Reply(Structured);
        var engine = CreateEngine(primary, fallback);
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.RunAsync(new TextOperation.Expand("a fox crossing a road"), caller.Token));

        Assert.Empty(fallback.Calls);
        Assert.Equal(CallOutcome.Cancelled, Assert.Single(_observer.Records).Outcome);
    }

    [Fact]
    public async Task ExpandAsync_Success_RecordsTokensCostAndLatency()
    {
        var usage = new UsageDetails { InputTokenCount = 11, OutputTokenCount = 7 };
        var client = new FakeChatClient().Reply(Structured, usage, new AdditionalPropertiesDictionary { [LlmUsage.CostKey] = 0.00042 });
        var engine = CreateEngine(client);

        var result = await engine.RunAsync(new TextOperation.Expand("a fox crossing a road"), CancellationToken.None);

        var record = Assert.Single(_observer.Records);
        Assert.Equal(PromptOperation.Expand, record.Operation);
        Assert.Equal("primary/model", record.Model);
        Assert.Equal("openrouter:primary/model", record.Engine);
        Assert.Equal(CallOutcome.Ok, record.Outcome);
        Assert.Null(record.StatusCode);
        Assert.True(record.LatencyMs >= 0);
        Assert.Equal(11, record.InputTokens);
        Assert.Equal(7, record.OutputTokens);
        Assert.Equal(0.00042m, record.Cost);
        Assert.False(record.Cached);
        Assert.Equal(new EngineUsage(11, 7, 0.00042m), result.Usage);
    }

    [Fact]
    public async Task ExpandAsync_CostInUsageCounts_IsReadInMillionths()
    {
        var usage = new UsageDetails { InputTokenCount = 3, OutputTokenCount = 4, AdditionalCounts = new() { [LlmUsage.CostMicrosKey] = 1250 } };
        var client = new FakeChatClient().Reply(Structured, usage);
        var engine = CreateEngine(client);

        var result = await engine.RunAsync(new TextOperation.Expand("a fox crossing a road"), CancellationToken.None);

        Assert.Equal(0.00125m, result.Usage?.Cost);
    }

    [Fact]
    public async Task ExpandAsync_NoUsageReported_LeavesUsageEmpty()
    {
        var client = new FakeChatClient().Reply(Structured);
        var engine = CreateEngine(client);

        var result = await engine.RunAsync(new TextOperation.Expand("a fox crossing a road"), CancellationToken.None);

        Assert.Null(result.Usage);
        Assert.Null(Assert.Single(_observer.Records).Cost);
    }

    [Fact]
    public async Task StreamAsync_Reply_YieldsDeltasThenCleanedFinalChunk()
    {
        var raw = "```\n" + Structured + "\n```";
        var client = new FakeChatClient { ChunkSize = 5 }.Reply(raw, new UsageDetails { InputTokenCount = 5, OutputTokenCount = 4 });
        var engine = CreateEngine(client);

        var chunks = await CollectAsync(engine.StreamAsync(new TextOperation.Expand("a fox crossing a road"), CancellationToken.None));

        var deltas = chunks.Where(c => c.Final is null).ToList();
        Assert.True(deltas.Count > 10);
        Assert.Equal(raw, string.Concat(deltas.Select(d => d.Delta)));
        var final = chunks[^1].Final;
        Assert.NotNull(final);
        Assert.Equal(Structured, final.Text);
        Assert.Equal("openrouter:primary/model", final.Engine);
        Assert.Equal(new EngineUsage(5, 4), final.Usage);
        Assert.True(Assert.Single(client.Calls).Streaming);
        var record = Assert.Single(_observer.Records);
        Assert.Equal((CallOutcome.Ok, 5L, 4L), (record.Outcome, record.InputTokens!.Value, record.OutputTokens!.Value));
    }

    [Fact]
    public async Task StreamAsync_Enhance_UsesTheEnhancePrompt()
    {
        var client = new FakeChatClient().Reply(Structured);
        var engine = CreateEngine(client);

        await CollectAsync(engine.StreamAsync(new TextOperation.Enhance("A fox.", [GoldenHour, LowAngle]), CancellationToken.None));

        Assert.Equal(MergePrompt.System, Assert.Single(client.Calls).System);
        Assert.Equal(PromptOperation.Merge, Assert.Single(_observer.Records).Operation);
    }

    [Fact]
    public async Task StreamAsync_EnhanceRemovingACard_UsesTheRevisePromptWithTheCurrentText()
    {
        var client = new FakeChatClient().Reply(Structured);
        var engine = CreateEngine(client);
        var neon = new EnhancementSpec("Neon Glow", "Magenta and cyan signs.", "lighting");
        var operation = new TextOperation.Enhance("A fox.\nMy own line.", [neon]) { Removing = [GoldenHour] };

        await CollectAsync(engine.StreamAsync(operation, CancellationToken.None));

        var call = Assert.Single(client.Calls);
        Assert.Equal(RevisePrompt.System, call.System);
        Assert.Contains("<prompt>\nA fox.\nMy own line.\n</prompt>", call.User, StringComparison.Ordinal);
        Assert.Contains("Take out (1):\n<enhancement category=\"lighting\">\nGolden Hour: Low warm sun", call.User, StringComparison.Ordinal);
        Assert.Contains("Apply (1):\n<enhancement category=\"lighting\">\nNeon Glow: Magenta", call.User, StringComparison.Ordinal);
        Assert.Equal(PromptOperation.Enhance, Assert.Single(_observer.Records).Operation);
    }

    [Fact]
    public async Task StreamAsync_FailureBeforeFirstDelta_TriesTheNextModel()
    {
        var primary = new FakeChatClient().Throw(Status(503));
        var fallback = new FakeChatClient().Reply(Structured);
        var engine = CreateEngine(primary, fallback);

        var chunks = await CollectAsync(engine.StreamAsync(new TextOperation.Structure("A fox. It runs."), CancellationToken.None));

        Assert.Equal("openrouter:fallback/one", chunks[^1].Final?.Engine);
        Assert.Equal(Structured, string.Concat(chunks.Select(c => c.Delta)));
        Assert.Equal([CallOutcome.Error, CallOutcome.Ok], _observer.Records.Select(r => r.Outcome));
    }

    [Fact]
    public async Task StreamAsync_FailureAfterFirstDelta_ThrowsWithoutTryingMoreModels()
    {
        var primary = new FakeChatClient().ReplyThenThrow(Structured, chunks: 2, new HttpRequestException("reset"));
        var fallback = new FakeChatClient().Reply(Structured);
        var engine = CreateEngine(primary, fallback);
        var received = new List<EngineStreamChunk>();

        var ex = await Assert.ThrowsAsync<UpstreamException>(async () =>
        {
            await foreach (var chunk in engine.StreamAsync(new TextOperation.Expand("a fox crossing a road"), CancellationToken.None))
            {
                received.Add(chunk);
            }
        });

        Assert.Equal(UpstreamFailure.Unavailable, ex.Failure);
        Assert.Equal(2, received.Count);
        Assert.All(received, c => Assert.Null(c.Final));
        Assert.Empty(fallback.Calls);
        Assert.Equal(CallOutcome.Unavailable, Assert.Single(_observer.Records).Outcome);
    }

    [Fact]
    public async Task StreamAsync_EmptyStructure_YieldsEmptyFinalWithoutCalling()
    {
        var client = new FakeChatClient();
        var engine = CreateEngine(client);

        var chunks = await CollectAsync(engine.StreamAsync(new TextOperation.Structure(" "), CancellationToken.None));

        var chunk = Assert.Single(chunks);
        Assert.Equal(string.Empty, chunk.Final?.Text);
        Assert.Empty(client.Calls);
    }

    [Fact]
    public async Task StreamAsync_CallerCancels_PropagatesCancellation()
    {
        var primary = new FakeChatClient().Hang();
        var fallback = new FakeChatClient().Reply(Structured);
        var engine = CreateEngine(primary, fallback);
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => CollectAsync(engine.StreamAsync(new TextOperation.Expand("a fox crossing a road"), caller.Token)));

        Assert.Empty(fallback.Calls);
        Assert.Equal(CallOutcome.Cancelled, Assert.Single(_observer.Records).Outcome);
    }

    [Fact]
    public async Task StreamAsync_BudgetExpires_ThrowsTimeout()
    {
        var client = new FakeChatClient().Hang();
        var engine = CreateEngine(new LlmEngineOptions { TimeoutSeconds = 1 }, client);

        var ex = await Assert.ThrowsAsync<UpstreamException>(
            () => CollectAsync(engine.StreamAsync(new TextOperation.Expand("a fox crossing a road"), CancellationToken.None)));

        Assert.Equal(UpstreamFailure.Timeout, ex.Failure);
        Assert.Equal(CallOutcome.Timeout, Assert.Single(_observer.Records).Outcome);
    }

    [Fact]
    public void Constructor_NoModels_Throws()
    {
        Assert.Throws<ArgumentException>(() => new LlmPromptEngine([], new LlmEngineOptions(), _observer, TimeProvider.System));
    }

    private LlmPromptEngine CreateEngine(params FakeChatClient[] clients) =>
        CreateEngine(new LlmEngineOptions { TimeoutSeconds = 10 }, clients);

    private LlmPromptEngine CreateEngine(LlmEngineOptions options, params FakeChatClient[] clients)
    {
        string[] ids = ["primary/model", "fallback/one", "fallback/two"];
        var models = clients.Select((client, i) => new LlmModel(ids[i], client)).ToList();
        return new LlmPromptEngine(models, options, _observer, TimeProvider.System);
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

    private static ClientResultException Status(int status) => new(new StatusResponse(status));

    private sealed class RecordingObserver : ILlmCallObserver
    {
        public List<LlmCallRecord> Records { get; } = [];

        public void OnCall(LlmCallRecord record) => Records.Add(record);
    }
}
