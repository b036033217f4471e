using Microsoft.Extensions.AI;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Llm;
using SoraPromptGenie.Core.Engines.Prompts;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Engines.Llm;

/// <summary>The LLM engine writing for a target: its system prompt, and the prompt budget check with one shorten request.</summary>
public sealed class LlmPromptEngineTargetTests
{
    private static readonly TargetCatalog Targets = TargetCatalog.LoadEmbedded();
    private static readonly TargetProfile Runway = Targets.Find("runway-gen4.5")!;

    // Six repeats of the three sentences are about 1,050 UTF-16 units, over Runway Gen-4.5's 1,000.
    private static readonly string LongAnswer = string.Concat(Enumerable.Repeat(
        "The subject sprints across the wet rooftop and leaps the gap. The camera tracks low and fast beside the runner. Neon signs flicker in the rain behind, steam rising from vents. ", 6)).Trim();

    private const string ShortAnswer = "The subject sprints across the wet rooftop and leaps the gap. The camera tracks low beside the runner.";

    private readonly List<LlmCallRecord> _records = [];

    [Fact]
    public async Task Expand_Target_SendsTheTargetSystemPromptWithBothVersions()
    {
        var client = new FakeChatClient().Reply(ShortAnswer);

        await CreateEngine(client).RunAsync(new TextOperation.Expand("a runner crossing rooftops") { Target = Runway }, CancellationToken.None);

        var call = Assert.Single(client.Calls);
        Assert.Equal(ExpandPrompt.For(Runway), call.System);
        Assert.Equal(PromptSpec.Version, call.Messages[0].AdditionalProperties?[PromptSpec.VersionProperty]);
        Assert.Equal(TargetGuide.Version, call.Messages[0].AdditionalProperties?[TargetGuide.VersionProperty]);
    }

    [Fact]
    public async Task Expand_NoTarget_LongAnswerIsNeitherShortenedNorCheckedAgain()
    {
        var client = new FakeChatClient().Reply(LongAnswer);

        var result = await CreateEngine(client).RunAsync(new TextOperation.Expand("a runner crossing rooftops"), CancellationToken.None);

        Assert.Single(client.Calls);
        Assert.Equal(LongAnswer, result.Text);
        Assert.Null(result.Warnings);
        Assert.False(client.Calls[0].Messages[0].AdditionalProperties!.ContainsKey(TargetGuide.VersionProperty));
    }

    [Fact]
    public async Task Expand_TargetAnswerWithinLimit_NoSecondRequest()
    {
        var client = new FakeChatClient().Reply(ShortAnswer);

        var result = await CreateEngine(client).RunAsync(new TextOperation.Expand("a runner crossing rooftops") { Target = Runway }, CancellationToken.None);

        Assert.Single(client.Calls);
        Assert.Equal(ShortAnswer, result.Text);
        Assert.Null(result.Warnings);
    }

    [Fact]
    public async Task Expand_TargetAnswerOverLimit_AsksOnceToShortenInTheUnitAndReturnsTheShorterAnswerWithSummedUsage()
    {
        var client = new FakeChatClient()
            .Reply(LongAnswer, new UsageDetails { InputTokenCount = 100, OutputTokenCount = 300 })
            .Reply(ShortAnswer, new UsageDetails { InputTokenCount = 500, OutputTokenCount = 30 });

        var result = await CreateEngine(client).RunAsync(new TextOperation.Expand("a runner crossing rooftops") { Target = Runway }, CancellationToken.None);

        Assert.Equal(2, client.Calls.Count);
        var shorten = client.Calls[1];
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.User], shorten.Messages.Select(m => m.Role));
        Assert.Equal(LongAnswer, shorten.Messages[2].Text);
        Assert.Contains($"That prompt is {LongAnswer.Length:N0} UTF-16 code units long", shorten.Messages[3].Text, StringComparison.Ordinal);
        Assert.Contains("at most 1,000 UTF-16 code units", shorten.Messages[3].Text, StringComparison.Ordinal);
        Assert.Equal(ShortAnswer, result.Text);
        Assert.Null(result.Warnings);
        Assert.Equal(new EngineUsage(600, 330), result.Usage);
        Assert.Equal(CallOutcome.Ok, Assert.Single(_records).Outcome);
    }

    [Fact]
    public async Task Structure_TargetAnswerStillOverLimit_CutsToFitAtASentenceAndWarnsWithLimitAndUnit()
    {
        var client = new FakeChatClient().Reply(LongAnswer).Reply(LongAnswer + " One more sentence.");

        var result = await CreateEngine(client).RunAsync(new TextOperation.Structure("A runner crosses rooftops.") { Target = Runway }, CancellationToken.None);

        Assert.Equal(2, client.Calls.Count);
        Assert.True(result.Text.Length <= 1000);
        Assert.EndsWith(".", result.Text, StringComparison.Ordinal);
        Assert.StartsWith(result.Text, LongAnswer, StringComparison.Ordinal);
        var warning = Assert.Single(result.Warnings!);
        Assert.Contains("Runway Gen-4.5's prompt limit of 1,000 UTF-16 code units", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enhance_ShortenRequestFails_FirstAnswerIsCutToFitWithTheWarning()
    {
        var client = new FakeChatClient().Reply(LongAnswer).Throw(new HttpRequestException("connection reset"));
        var operation = new TextOperation.Enhance("A runner.", [new EnhancementSpec("Low Angle", "Camera below eye level.", "camera-angles")]) { Target = Runway };

        var result = await CreateEngine(client).RunAsync(operation, CancellationToken.None);

        Assert.True(Runway.PromptLimit!.Fits(result.Text));
        Assert.StartsWith(result.Text, LongAnswer, StringComparison.Ordinal);
        Assert.Single(result.Warnings!);
    }

    [Fact]
    public async Task Stream_TargetAnswerOverLimit_FinalChunkCarriesTheShortenedTextAfterOneFollowUp()
    {
        var client = new FakeChatClient().Reply(LongAnswer).Reply(LongAnswer);
        var chunks = new List<EngineStreamChunk>();

        await foreach (var chunk in CreateEngine(client).StreamAsync(new TextOperation.Expand("a runner crossing rooftops") { Target = Runway }, CancellationToken.None))
        {
            chunks.Add(chunk);
        }

        Assert.Equal([true, false], client.Calls.Select(c => c.Streaming));
        Assert.Equal(LongAnswer, string.Concat(chunks.Select(c => c.Delta)));
        var final = chunks[^1].Final!;
        Assert.True(Runway.PromptLimit!.Fits(final.Text));
        Assert.Contains("1,000 UTF-16 code units", Assert.Single(final.Warnings!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggest_Target_SendsTheTargetSuggestPrompt()
    {
        var client = new FakeChatClient().Reply("""[{"title":"Rim Light","description":"A hard rim light from behind."}]""");
        var lighting = new Core.Catalog.Category("lighting", "Lighting", "visuals", Core: true, Icon: "light", []);

        await CreateEngine(client).RunAsync(new SuggestionRequest(lighting, 1, null) { Target = Runway }, CancellationToken.None);

        Assert.Equal(SuggestPrompt.For(Runway), Assert.Single(client.Calls).System);
    }

    private LlmPromptEngine CreateEngine(FakeChatClient client) =>
        new([new LlmModel("primary/model", client)], new LlmEngineOptions { TimeoutSeconds = 10 }, new Recorder(_records), TimeProvider.System);

    private sealed class Recorder(List<LlmCallRecord> records) : ILlmCallObserver
    {
        public void OnCall(LlmCallRecord record) => records.Add(record);
    }
}
