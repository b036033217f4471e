using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Prompting;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Prompting;

/// <summary>Lowered limits: 3,000 characters for a prompt, 400 for an idea.</summary>
public sealed class LowLimits : IAppSettings
{
    public const int MaxPromptChars = 3_000;
    public const int MaxBasicPromptChars = 400;

    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
    {
        ["Prompting:MaxPromptChars"] = "3000",
        ["Prompting:MaxBasicPromptChars"] = "400",
        ["LLM_FALLBACK_TO_OFFLINE"] = "false",
    };
}

/// <summary>The length limits are settings: requests over them are refused naming the limit, and outputs stay within them.</summary>
public sealed class PromptLimitsTests : IClassFixture<AppFactory<LowLimits>>, IDisposable
{
    private readonly AppFactory<LowLimits> _app;
    private readonly HttpClient _client;

    public PromptLimitsTests(AppFactory<LowLimits> app)
    {
        _app = app;
        _app.Upstream.Reset();
        _client = app.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    public static TheoryData<string, string, int> OverTheLimit()
    {
        var prompt = new string('a', LowLimits.MaxPromptChars + 1);
        var idea = string.Join(' ', Enumerable.Repeat("fox", 101))[..(LowLimits.MaxBasicPromptChars + 1)];
        var card = new { title = "Golden Hour", category = "lighting" };
        return new TheoryData<string, string, int>
        {
            { "/api/enhance-prompt", JsonSerializer.Serialize(new { currentPrompt = prompt, enhancement = card }), 3_000 },
            { "/api/generate-suggestions", JsonSerializer.Serialize(new { category = "lighting", currentPrompt = prompt }), 3_000 },
            { "/api/structure-prompt", JsonSerializer.Serialize(new { currentPrompt = prompt }), 3_000 },
            { "/api/lint-prompt", JsonSerializer.Serialize(new { prompt }), 3_000 },
            { "/api/sora-request", JsonSerializer.Serialize(new { prompt, model = "sora-2" }), 3_000 },
            { "/api/auto-generate-prompt", JsonSerializer.Serialize(new { basicPrompt = idea }), 400 },
        };
    }

    [Theory]
    [MemberData(nameof(OverTheLimit))]
    public async Task Post_OverTheConfiguredLimit_Returns400SayingTheLimit(string path, string json, int limit)
    {
        using var response = await _client.PostJsonAsync(path, json);

        var message = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"at most {limit:N0} characters"), message, StringComparison.Ordinal);
        Assert.Equal(0, _app.Upstream.RequestCount);
    }

    [Fact]
    public async Task Structure_AtTheConfiguredLimit_IsAcceptedAndTheAnswerIsCutToIt()
    {
        _app.Upstream.Enqueue(FakeReply.Text(string.Concat(Enumerable.Repeat("A fox runs through the snow. ", 200))));

        using var response = await _client.PostAsJsonAsync(
            new Uri("/api/structure-prompt", UriKind.Relative), new { currentPrompt = new string('a', LowLimits.MaxPromptChars) });
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = body.GetProperty("structuredPrompt").GetString()!;
        Assert.InRange(text.Length, LowLimits.MaxPromptChars - 40, LowLimits.MaxPromptChars);
        Assert.Contains("3,000", Assert.Single(body.GetProperty("warnings").EnumerateArray()).GetString(), StringComparison.Ordinal);
    }
}

public sealed class PromptLimitsOptionsTests
{
    [Theory]
    [InlineData("Prompting:MaxPromptChars", "0")]
    [InlineData("Prompting:MaxPromptChars", "10001")]
    [InlineData("Prompting:MaxPromptChars", "lots")]
    [InlineData("Prompting:MaxBasicPromptChars", "5")]
    [InlineData("Prompting:MaxBasicPromptChars", "10001")]
    public void Validate_BadValue_OneLineNamingTheKey(string key, string value)
    {
        var problems = Validate(new() { [key] = value });

        Assert.StartsWith(key + ": ", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_IdeaLimitAbovePromptLimit_IsAProblem()
    {
        var problems = Validate(new() { ["Prompting:MaxPromptChars"] = "2000", ["Prompting:MaxBasicPromptChars"] = "2500" });

        Assert.StartsWith("Prompting:MaxBasicPromptChars: ", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BothLimitsBad_OneWordedLineEachAndNoComparison()
    {
        var problems = Validate(new() { ["Prompting:MaxPromptChars"] = "lots", ["Prompting:MaxBasicPromptChars"] = "10001" });

        Assert.Equal(
            ["Prompting:MaxBasicPromptChars: '10001' is not a whole number from 20 to 10000.", "Prompting:MaxPromptChars: 'lots' is not a whole number from 1000 to 10000."],
            problems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_PromptLimitLoweredBelowDefaultIdeaLimit_NoProblemAndIdeaLimitFollows()
    {
        Assert.Empty(Validate(new() { ["Prompting:MaxPromptChars"] = "1500" }));
        Assert.Equal(1500, new PromptLimitsOptions { MaxPromptChars = 1500 }.EffectiveMaxBasicPromptChars);
    }

    [Fact]
    public void Validate_Defaults_NoProblems() => Assert.Empty(Validate([]));

    [Fact]
    public async Task Startup_BadLimit_RefusesToStartWhereAGoodOneStarts()
    {
        var good = new SettingsAppFactory(new Dictionary<string, string?> { ["Prompting:MaxPromptChars"] = "5000" });
        var bad = new SettingsAppFactory(new Dictionary<string, string?> { ["Prompting:MaxPromptChars"] = "-5" });
        try
        {
            await good.InitializeAsync();
            await bad.InitializeAsync();

            Assert.NotNull(good.Server);
            Assert.ThrowsAny<Exception>(() => bad.Server);
        }
        finally
        {
            await good.DisposeAsync();
            await bad.DisposeAsync();
        }
    }

    private static IReadOnlyList<string> Validate(Dictionary<string, string?> values) =>
        OptionsCheck.Problems(values, services => services.AddPrompting());
}
