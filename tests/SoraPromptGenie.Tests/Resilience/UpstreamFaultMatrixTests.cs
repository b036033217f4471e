using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Resilience;

/// <summary>
/// Four instances with the same small budget (3 s total, 1 s per attempt, 2 retries): fallback to offline on and off,
/// each against the fake upstream and against a closed port. The circuit cannot open here (minimum throughput 1000).
/// </summary>
public sealed class FaultMatrixFixture : IAsyncLifetime
{
    public const int TimeoutSeconds = 3;
    public const int MaxRetries = 2;

    public Dictionary<(bool Fallback, bool Refused), SettingsAppFactory> Instances { get; } = [];

    public async Task InitializeAsync()
    {
        foreach (var fallback in new[] { true, false })
        {
            foreach (var refused in new[] { true, false })
            {
                var settings = new Dictionary<string, string?>
                {
                    ["LLM_TIMEOUT_SECONDS"] = TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Llm:AttemptTimeoutSeconds"] = "1",
                    ["Llm:MaxRetries"] = MaxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["LLM_FALLBACK_TO_OFFLINE"] = fallback ? "true" : "false",
                    ["LLM_CACHE_TTL_SECONDS"] = "0",
                };
                if (refused)
                {
                    settings["OPENROUTER_BASE_URL"] = "http://127.0.0.1:9/api/v1";
                }

                Instances[(fallback, refused)] = await SettingsAppFactory.StartAsync(settings);
            }
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in Instances.Values)
        {
            await instance.DisposeAsync();
        }
    }
}

/// <summary>
/// Every upstream fault mode against every AI endpoint, with fallback on and off: the documented status, code and
/// engine; the answer within LLM_TIMEOUT_SECONDS plus a margin; and no more upstream calls than the retry policy allows.
/// </summary>
public sealed class UpstreamFaultMatrixTests(FaultMatrixFixture fixture) : IClassFixture<FaultMatrixFixture>
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1.5);

    /// <summary>Fault -> (status and code without fallback, upstream calls min..max).</summary>
    private static readonly Dictionary<string, (int Status, string Code, int MinCalls, int MaxCalls)> Expected = new()
    {
        ["401"] = (502, "upstream_auth_failed", 1, 1),
        ["429+Retry-After"] = (503, "upstream_unavailable", 1, 1 + FaultMatrixFixture.MaxRetries),
        ["500"] = (502, "upstream_error", 1 + FaultMatrixFixture.MaxRetries, 1 + FaultMatrixFixture.MaxRetries),
        ["502"] = (502, "upstream_error", 1 + FaultMatrixFixture.MaxRetries, 1 + FaultMatrixFixture.MaxRetries),
        ["503"] = (502, "upstream_error", 1 + FaultMatrixFixture.MaxRetries, 1 + FaultMatrixFixture.MaxRetries),
        ["malformed-json"] = (502, "upstream_error", 1, 1),
        ["empty-choices"] = (502, "upstream_error", 1, 1),
        ["truncated"] = (502, "upstream_error", 1, 1 + FaultMatrixFixture.MaxRetries),
        ["connection-refused"] = (503, "upstream_unavailable", 0, 0),
        ["hang"] = (504, "upstream_timeout", 1, 1 + FaultMatrixFixture.MaxRetries),
    };

    private static readonly Dictionary<string, string> Endpoints = new()
    {
        ["/api/enhance-prompt"] = """{"currentPrompt":"A fox in snow","enhancement":{"title":"Golden hour","description":"warm light","category":"lighting"}}""",
        ["/api/generate-suggestions"] = """{"category":"lighting","count":3}""",
        ["/api/auto-generate-prompt"] = """{"basicPrompt":"a fox in the snow at dawn"}""",
        ["/api/structure-prompt"] = """{"currentPrompt":"A fox runs through snow at dawn."}""",
    };

    public static TheoryData<string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var fault in Expected.Keys)
        {
            foreach (var endpoint in Endpoints.Keys)
            {
                data.Add(fault, endpoint, true);
                data.Add(fault, endpoint, false);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Post_UpstreamFault_DocumentedAnswerWithinBudget(string fault, string endpoint, bool fallback)
    {
        var refused = fault == "connection-refused";
        var app = fixture.Instances[(fallback, refused)];
        app.Upstream.Reset();
        app.Upstream.Default = ReplyFor(fault);
        using var client = app.CreateClient();
        using var content = new StringContent(Endpoints[endpoint], Encoding.UTF8, "application/json");
        var clock = Stopwatch.StartNew();

        using var response = await client.PostAsync(new Uri(endpoint, UriKind.Relative), content);
        var elapsed = clock.Elapsed;
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var expected = Expected[fault];
        var root = body.RootElement;
        if (fallback)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("offline", root.GetProperty("engine").GetString());
            Assert.Equal(expected.Code, root.GetProperty("fallbackReason").GetString());
        }
        else
        {
            Assert.Equal(expected.Status, (int)response.StatusCode);
            Assert.Equal(expected.Code, root.GetProperty("code").GetString());
        }

        Assert.True(elapsed <= TimeSpan.FromSeconds(FaultMatrixFixture.TimeoutSeconds) + Margin, $"answered after {elapsed}");
        var calls = refused ? 0 : app.Upstream.Requests.Count(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal));
        Assert.InRange(calls, expected.MinCalls, expected.MaxCalls);
    }

    private static FakeReply ReplyFor(string fault) => fault switch
    {
        "401" => FakeReply.Status(401),
        "429+Retry-After" => FakeReply.Status(429, retryAfter: TimeSpan.FromSeconds(1)),
        "500" => FakeReply.Status(500),
        "502" => FakeReply.Status(502),
        "503" => FakeReply.Status(503),
        "malformed-json" => FakeReply.Malformed(),
        "empty-choices" => FakeReply.EmptyChoices(),
        "truncated" => FakeReply.TruncatedStream("A fox runs through the snow at dawn while"),
        "hang" => FakeReply.Hang(),
        _ => FakeReply.Auto(),
    };
}
