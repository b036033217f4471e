using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.Telemetry;

[Collection(ProcessWideTestGroup.Name)]
public sealed class MetricsEndpointTests(AppFactory<MetricsEndpointTests.AdminTokenAndSmallAiLimit> factory)
    : IClassFixture<AppFactory<MetricsEndpointTests.AdminTokenAndSmallAiLimit>>
{
    private const string AdminToken = "metrics-admin-token-0123456789";
    private const string Loopback = "127.0.0.1";
    private const string RemoteClient = "203.0.113.9";

    [Fact]
    public async Task Get_AfterTraffic_ReportsRequestLlmAndRateLimitSeries()
    {
        using var client = factory.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await client.PostAsJsonAsync("/api/auto-generate-prompt", new { basicPrompt = "a fox crossing a snowy road at night" });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        HttpStatusCode last = default;
        for (var i = 0; i < AdminTokenAndSmallAiLimit.AiPermits + 1; i++)
        {
            using var structured = await client.PostAsJsonAsync("/api/structure-prompt", new { currentPrompt = "a lighthouse in a storm, wide shot" });
            last = structured.StatusCode;
        }

        var metrics = await ScrapeAsync(client);

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        Assert.True(metrics.Sum("http_server_request_duration_seconds_count", ("http_route", "/api/auto-generate-prompt"), ("http_response_status_code", "200")) >= 2);
        Assert.True(metrics.Sum("http_server_request_duration_seconds_count", ("http_response_status_code", "429")) >= 1);
        Assert.True(metrics.Sum("sora_llm_calls_total", ("operation", "expand"), ("outcome", "ok"), ("model", "test/primary-model")) >= 2);
        var durationCount = metrics.Sum("sora_llm_call_duration_seconds_count", ("operation", "expand"));
        var durationSum = metrics.Sum("sora_llm_call_duration_seconds_sum", ("operation", "expand"));
        Assert.True(durationCount >= 2);
        Assert.InRange(durationSum!.Value / durationCount!.Value, 0, 30);
        Assert.True(metrics.Sum("sora_llm_tokens_total", ("direction", "input")) > 0);
        Assert.True(metrics.Sum("sora_llm_tokens_total", ("direction", "output")) > 0);
        Assert.True(metrics.Sum("sora_rate_limit_rejections_total", ("policy", "ai")) >= 1);
    }

    [Fact]
    public async Task Get_FromRemoteClientWithoutToken_Returns401()
    {
        var response = await GetMetricsFromAsync(RemoteClient);

        Assert.Equal(StatusCodes.Status401Unauthorized, response.StatusCode);
        Assert.DoesNotContain("http_server_request_duration", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_FromRemoteClientWithWrongToken_Returns401()
    {
        var response = await GetMetricsFromAsync(RemoteClient, AdminToken + "x");

        Assert.Equal(StatusCodes.Status401Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_FromRemoteClientWithToken_ReturnsPrometheusText()
    {
        var response = await GetMetricsFromAsync(RemoteClient, AdminToken);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Contains("# TYPE", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "not an address")]
    [InlineData("X-Forwarded-For", "198.51.100.7")]
    [InlineData("X-Forwarded-Proto", "https")]
    [InlineData("X-Forwarded-Host", "sora.example.com")]
    [InlineData("Forwarded", "for=198.51.100.7;proto=https")]
    [InlineData("X-Real-IP", "198.51.100.7")]
    public async Task Get_FromLoopbackWithForwardedHeaderWithoutToken_Returns401(string header, string value)
    {
        var response = await GetMetricsFromAsync(Loopback, headers: (header, value));

        Assert.Equal(StatusCodes.Status401Unauthorized, response.StatusCode);
        Assert.DoesNotContain("# TYPE", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_RelayedByTrustedProxyForLoopbackClientWithoutToken_Returns401()
    {
        var response = await GetMetricsFromAsync(Loopback, headers: ("X-Forwarded-For", Loopback));

        Assert.Equal(StatusCodes.Status401Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_FromLoopbackWithForwardedHeaderAndToken_ReturnsPrometheusText()
    {
        var response = await GetMetricsFromAsync(Loopback, AdminToken, ("X-Forwarded-For", "not an address"));

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Contains("# TYPE", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_FromLoopbackWithoutForwardedHeaders_ReturnsPrometheusText()
    {
        var response = await GetMetricsFromAsync(Loopback);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Contains("# TYPE", response.Body, StringComparison.Ordinal);
    }

    private Task<TestServerResponse> GetMetricsFromAsync(string client, string? token = null, params (string Name, string Value)[] headers)
    {
        var all = headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
        if (token is not null)
        {
            all["Authorization"] = $"Bearer {token}";
        }

        return factory.Server.SendFromAsync(IPAddress.Parse(client), HttpMethods.Get, "/metrics", headers: all);
    }

    private static async Task<PrometheusText> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new PrometheusText(await response.Content.ReadAsStringAsync());
    }

    /// <summary>An admin token and a tiny AI limit.</summary>
    public sealed class AdminTokenAndSmallAiLimit : IAppSettings
    {
        public const int AiPermits = 3;

        public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
        {
            ["ADMIN_TOKEN"] = AdminToken,
            ["RATE_LIMIT_AI"] = $"{AiPermits}/900",
        };
    }
}
