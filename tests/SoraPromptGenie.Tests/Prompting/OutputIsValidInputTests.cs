using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Prompting;

/// <summary>
/// Property: whatever an operation returns is accepted as input by every operation that takes a prompt (enhance,
/// structure, suggestions, lint, the request export) and every suggested card by enhance. Inputs are random prompts
/// just under the limits, from a fixed seed, so a failure names the case that reproduces it.
/// </summary>
public abstract class OutputIsValidInputTests
{
    protected const int MaxPromptChars = 10_000;
    protected const int MaxBasicPromptChars = 2_000;

    private const int Seed = 20_261_201;
    private const int Cases = 12;

    private static readonly string[] Categories =
    [
        "camera-angles", "camera-motion", "lighting", "color-palette", "depth-of-field", "weather",
        "time-of-day", "mood", "style", "motion-timing", "composition", "texture",
    ];

    protected abstract AppFactory App { get; }

    /// <summary>Called before each operation whose answer comes from the model; the offline engine needs nothing.</summary>
    protected abstract void ScriptTextAnswer(Random random);

    protected abstract void ScriptSuggestionsAnswer(Random random);

    [Fact]
    public async Task EveryOperationsOutput_IsAcceptedByEveryOperation()
    {
        using var client = App.CreateClient();
        for (var index = 0; index < Cases; index++)
        {
            var random = new Random(Seed + index);
            var caseName = $"case {index} (seed {Seed + index})";
            var prompt = NearLimitText.Prompt(random, MaxPromptChars - random.Next(0, 300));
            var idea = NearLimitText.Idea(random, MaxBasicPromptChars - random.Next(0, 100));
            var outputs = new List<(string Operation, string Text)>();

            ScriptTextAnswer(random);
            outputs.Add(("enhance", await TextAsync(client, "/api/enhance-prompt", new { currentPrompt = prompt, enhancement = LongCard(random, Categories[random.Next(Categories.Length)]) }, "enhancedPrompt", caseName)));
            ScriptTextAnswer(random);
            outputs.Add(("merge", await TextAsync(client, "/api/enhance-prompt", new { currentPrompt = prompt, enhancements = Categories.Select(c => LongCard(random, c)).ToArray() }, "enhancedPrompt", caseName)));
            ScriptTextAnswer(random);
            outputs.Add(("structure", await TextAsync(client, "/api/structure-prompt", new { currentPrompt = prompt }, "structuredPrompt", caseName)));
            ScriptTextAnswer(random);
            outputs.Add(("auto-generate", await TextAsync(client, "/api/auto-generate-prompt", new { basicPrompt = idea }, "generatedPrompt", caseName)));
            ScriptTextAnswer(random);
            var again = await TextAsync(client, "/api/structure-prompt", new { currentPrompt = outputs[1].Text }, "structuredPrompt", caseName);
            outputs.Add(("structure of merge", again));

            ScriptSuggestionsAnswer(random);
            using var suggestions = await PostAsync(client, "/api/generate-suggestions", new { category = Categories[random.Next(Categories.Length)], count = 8, currentPrompt = prompt }, caseName);
            var cards = (await suggestions.ReadJsonAsync()).GetProperty("suggestions").EnumerateArray()
                .Select(s => new { title = s.GetProperty("title").GetString(), description = s.GetProperty("description").GetString(), category = s.GetProperty("category").GetString() })
                .ToList();

            foreach (var (operation, text) in outputs)
            {
                var where = $"{caseName}, output of {operation}";
                AssertWithinTheRules(text, where);
                await AssertAcceptedEverywhereAsync(client, text, where);
            }

            foreach (var card in cards)
            {
                using var response = await PostAsync(client, "/api/enhance-prompt", new { currentPrompt = outputs[0].Text, enhancement = card }, $"{caseName}, suggested card '{card.title}'");
            }
        }
    }

    protected static void AssertWithinTheRules(string text, string where)
    {
        Assert.True(text.Length <= MaxPromptChars, $"{where}: {text.Length} characters, over the {MaxPromptChars} limit");
        var bad = text.IndexOfAny([.. Enumerable.Range(0, 32).Where(c => c is not '\t' and not '\n').Select(c => (char)c), '\u007f', '\u0085', '\u009b', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']);
        Assert.True(bad < 0, $"{where}: control character U+{(bad < 0 ? 0 : text[bad]):X4} at {bad}");
    }

    private static async Task AssertAcceptedEverywhereAsync(HttpClient client, string text, string where)
    {
        (string Path, object Body)[] followUps =
        [
            ("/api/enhance-prompt", new { currentPrompt = text, enhancement = new { title = "Golden Hour", description = "Low warm sun.", category = "lighting" } }),
            ("/api/structure-prompt", new { currentPrompt = text }),
            ("/api/generate-suggestions", new { category = "mood", count = 3, currentPrompt = text }),
            ("/api/lint-prompt", new { prompt = text }),
            ("/api/sora-request", new { prompt = text, model = "sora-2" }),
        ];
        foreach (var (path, body) in followUps)
        {
            using var response = await PostAsync(client, path, body, $"{where}, sent to {path}");
        }
    }

    private static object LongCard(Random random, string category) => new
    {
        title = NearLimitText.Idea(random, 120).Trim(),
        description = NearLimitText.Prompt(random, 500).Trim(),
        category,
    };

    private static async Task<string> TextAsync(HttpClient client, string path, object body, string field, string where)
    {
        using var response = await PostAsync(client, path, body, $"{where}, {path}");
        return (await response.ReadJsonAsync()).GetProperty(field).GetString()!;
    }

    /// <summary>Posts and asserts 200, naming the case and the answer when it is not.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string where)
    {
        var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var text = await response.Content.ReadAsStringAsync();
            response.Dispose();
            Assert.Fail($"{where}: {(int)response.StatusCode} {text}");
        }

        return response;
    }
}

public sealed class OfflineOutputIsValidInputTests(AppFactory<OfflineMode> app) : OutputIsValidInputTests, IClassFixture<AppFactory<OfflineMode>>
{
    protected override AppFactory App => app;

    protected override void ScriptTextAnswer(Random random)
    {
    }

    protected override void ScriptSuggestionsAnswer(Random random)
    {
    }

    /// <summary>The reported case: a 9,990-character prompt structured offline came back longer than the limit.</summary>
    [Fact]
    public async Task Structure_PromptJustUnderTheLimit_StaysWithinItAndSaysItWasShortened()
    {
        var sentences = string.Concat(Enumerable.Repeat("A red fox trots across the snowy road. ", 300));
        var prompt = sentences[..9_990];
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri("/api/structure-prompt", UriKind.Relative), new { currentPrompt = prompt });
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = body.GetProperty("structuredPrompt").GetString()!;
        AssertWithinTheRules(text, "structure");
        Assert.Contains("Cinematography:", text, StringComparison.Ordinal);
        Assert.Contains("Actions:", text, StringComparison.Ordinal);
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.Contains("10,000", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enhance_ShortPrompt_HasNoWarnings()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync(
            new Uri("/api/enhance-prompt", UriKind.Relative),
            new { currentPrompt = "A fox.", enhancement = new { title = "Golden Hour", category = "lighting" } });
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.TryGetProperty("warnings", out _));
    }
}

/// <summary>The LLM engine against the fake upstream, with no offline fallback, so every text is the model's.</summary>
public sealed class LlmOutputIsValidInputTests : OutputIsValidInputTests, IClassFixture<AppFactory<NoFallback>>
{
    private readonly AppFactory<NoFallback> _app;

    public LlmOutputIsValidInputTests(AppFactory<NoFallback> app)
    {
        _app = app;
        _app.Upstream.Reset();
    }

    protected override AppFactory App => _app;

    /// <summary>Answers from well under to far over the limit, with the wrappers and control characters models emit.</summary>
    protected override void ScriptTextAnswer(Random random) =>
        _app.Upstream.Enqueue(FakeReply.Text(NearLimitText.ModelAnswer(random, MaxPromptChars + random.Next(-2_000, 6_000))));

    protected override void ScriptSuggestionsAnswer(Random random)
    {
        var cards = Enumerable.Range(0, 8).Select(_ => new
        {
            title = NearLimitText.ModelAnswer(random, 200),
            description = NearLimitText.ModelAnswer(random, 900),
        });
        _app.Upstream.Enqueue(FakeReply.Json(JsonSerializer.Serialize(cards)));
    }

    [Fact]
    public async Task ModelAnswerOverTheLimit_IsCutAtASentenceEndAndSaysSo()
    {
        var answer = string.Concat(Enumerable.Range(0, 400).Select(i => $"Beat {i}: the fox takes a step. "));
        _app.Upstream.Enqueue(FakeReply.Text(answer));
        using var client = _app.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri("/api/auto-generate-prompt", UriKind.Relative), new { basicPrompt = "a fox in snow" });
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = body.GetProperty("generatedPrompt").GetString()!;
        AssertWithinTheRules(text, "auto-generate");
        Assert.True(text.Length > MaxPromptChars - 100, $"cut too much: {text.Length}");
        Assert.EndsWith("the fox takes a step.", text, StringComparison.Ordinal);
        Assert.StartsWith(text, answer, StringComparison.Ordinal);
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.Contains("10,000", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamedModelAnswerOverTheLimit_DoneEventIsWithinTheLimitAndSaysSo()
    {
        var answer = string.Concat(Enumerable.Repeat("The lantern sways in the wind. ", 500));
        _app.Upstream.Enqueue(FakeReply.Text(answer) with { Chunks = 20 });
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/structure-prompt", UriKind.Relative))
        {
            Content = JsonContent.Create(new { currentPrompt = "A lantern sways." }),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await client.SendAsync(request);
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

        var done = events.Single(e => e.StartsWith("event: done", StringComparison.Ordinal));
        using var data = JsonDocument.Parse(done[(done.IndexOf("data: ", StringComparison.Ordinal) + 6)..]);
        var text = data.RootElement.GetProperty("structuredPrompt").GetString()!;
        AssertWithinTheRules(text, "streamed structure");
        Assert.EndsWith("The lantern sways in the wind.", text, StringComparison.Ordinal);
        Assert.Single(data.RootElement.GetProperty("warnings").EnumerateArray());
    }
}
