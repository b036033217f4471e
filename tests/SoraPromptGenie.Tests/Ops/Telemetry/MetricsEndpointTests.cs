using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.Telemetry;

[Collection(ProcessWideTestGroup.Name)]
public sealed class MetricsEndpointTests(MetricsEndpointTests.MetricsAppFactory factory) : IClassFixture<MetricsEndpointTests.MetricsAppFactory>
{
    private const string AdminToken = "metrics-admin-token-0123456789";
    private const string ClientIpHeader = "X-Test-Client-Ip";
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
        for (var i = 0; i < MetricsAppFactory.AiPermits + 1; i++)
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
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(ClientIpHeader, RemoteClient);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("http_server_request_duration", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_FromRemoteClientWithWrongToken_Returns401()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(ClientIpHeader, RemoteClient);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken + "x");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_FromRemoteClientWithToken_ReturnsPrometheusText()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(ClientIpHeader, RemoteClient);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(ClientIpHeader, "127.0.0.1");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("# TYPE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_RelayedByTrustedProxyForLoopbackClientWithoutToken_Returns401()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(ClientIpHeader, "127.0.0.1");
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_FromLoopbackWithForwardedHeaderAndToken_ReturnsPrometheusText()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(ClientIpHeader, "127.0.0.1");
        request.Headers.Add("X-Forwarded-For", "not an address");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_FromLoopbackWithoutForwardedHeaders_ReturnsPrometheusText()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(ClientIpHeader, "127.0.0.1");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<PrometheusText> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new PrometheusText(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The app with an admin token and a tiny AI limit; a test header sets the caller's address.</summary>
    public sealed class MetricsAppFactory() : AppFactory(new Dictionary<string, string?>
    {
        ["ADMIN_TOKEN"] = AdminToken,
        ["RATE_LIMIT_AI"] = $"{MetricsAppFactory.AiPermits}/900",
    })
    {
        public const int AiPermits = 3;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
        }
    }

    /// <summary>TestServer has no socket, so the caller's address comes from a test-only header, set before the app runs.</summary>
    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientIpHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
