using System.Globalization;
using System.Net;
using System.Text.Json;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.Health;

/// <summary>Liveness exactly as the runbook documents it, never limited, and never a key or key prefix (the original leaked one).</summary>
public sealed class HealthEndpointsTests : IClassFixture<AppFactory<SmallRateLimits>>, IDisposable
{
    private readonly HttpClient _client;

    public HealthEndpointsTests(AppFactory<SmallRateLimits> app) => _client = app.CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task GetHealth_Always_ReturnsExactlyStatusTimestampUptimeEnvironment()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        using var response = await _client.GetPathAsync("/api/health");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["environment", "status", "timestamp", "uptime"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Equal("Production", body.GetProperty("environment").GetString());
        Assert.Equal(JsonValueKind.Number, body.GetProperty("uptime").ValueKind);
        Assert.True(body.GetProperty("uptime").GetDouble() >= 0);
        var timestamp = DateTimeOffset.Parse(body.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        Assert.InRange(timestamp, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.EndsWith("Z", body.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHealth_ManyMoreThanTheGeneralLimit_NeverRateLimited()
    {
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < SmallRateLimits.General * 3; i++)
        {
            using var response = await _client.GetPathAsync("/api/health");
            statuses.Add(response.StatusCode);
            Assert.Null(response.Header("RateLimit-Limit"));
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        using var ready = await _client.GetPathAsync("/api/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Theory]
    [InlineData("/api/health")]
    [InlineData("/api/health/ready")]
    public async Task Health_Always_RevealsNoKeyOrPrefix(string path)
    {
        using var response = await _client.GetPathAsync(path);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.DoesNotContain(AppFactory.ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(AppFactory.ApiKey[..10], text, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Bearer", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetReadiness_LlmConfigured_Returns200WithChecks()
    {
        using var response = await _client.GetPathAsync("/api/health/ready");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("llm").GetProperty("status").GetString());
    }
}
