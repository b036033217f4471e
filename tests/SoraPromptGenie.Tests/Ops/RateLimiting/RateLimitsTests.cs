using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SoraPromptGenie.Ops.RateLimiting;
using SoraPromptGenie.Studio;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops.Logging;

namespace SoraPromptGenie.Tests.Ops.RateLimiting;

/// <summary>
/// General and AI limits per client IP (6 general, 2 per AI endpoint in this fixture). Requests come from a loopback
/// proxy with a distinct X-Forwarded-For per test, so each test has its own client and its own counters.
/// </summary>
public sealed class RateLimitsTests(AppFactory<SmallRateLimits> app) : IClassFixture<AppFactory<SmallRateLimits>>
{
    private static readonly IPAddress Proxy = IPAddress.Loopback;

    [Fact]
    public async Task Catalog_OverGeneralLimit_Returns429JsonWithRetryAfterAndRateLimitHeaders()
    {
        const string client = "198.51.100.1";
        var remaining = new List<string?>();
        for (var i = 0; i < SmallRateLimits.General; i++)
        {
            var ok = await app.Server.SendFromAsync(Proxy, "GET", "/api/catalog", client);
            Assert.Equal(200, ok.StatusCode);
            Assert.Equal("6", ok.Header("RateLimit-Limit"));
            Assert.Equal("6", ok.Header("X-RateLimit-Limit"));
            remaining.Add(ok.Header("RateLimit-Remaining"));
        }

        var rejected = await app.Server.SendFromAsync(Proxy, "GET", "/api/catalog", client);

        Assert.Equal(["5", "4", "3", "2", "1", "0"], remaining);
        Assert.Equal(429, rejected.StatusCode);
        Assert.StartsWith("application/json", rejected.Header("Content-Type"), StringComparison.Ordinal);
        var body = rejected.Json();
        Assert.Equal("rate_limited", body.GetProperty("code").GetString());
        Assert.Equal(rejected.Header("X-Request-Id"), body.GetProperty("requestId").GetString());
        var retryAfter = int.Parse(rejected.Header("Retry-After")!, CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, SmallRateLimits.WindowSeconds);
        Assert.Equal("0", rejected.Header("RateLimit-Remaining"));
        Assert.Equal("0", rejected.Header("X-RateLimit-Remaining"));
        Assert.Equal(retryAfter, int.Parse(rejected.Header("RateLimit-Reset")!, CultureInfo.InvariantCulture));
        var resetAt = long.Parse(rejected.Header("X-RateLimit-Reset")!, CultureInfo.InvariantCulture);
        Assert.InRange(resetAt, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddSeconds(SmallRateLimits.WindowSeconds + 1).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Catalog_OneClientOverLimit_OtherClientStillServed()
    {
        for (var i = 0; i <= SmallRateLimits.General; i++)
        {
            await app.Server.SendFromAsync(Proxy, "GET", "/api/catalog", "198.51.100.2");
        }

        var limited = await app.Server.SendFromAsync(Proxy, "GET", "/api/targets", "198.51.100.2");
        var other = await app.Server.SendFromAsync(Proxy, "GET", "/api/catalog", "198.51.100.3");

        Assert.Equal(429, limited.StatusCode);
        Assert.Equal(200, other.StatusCode);
    }

    [Fact]
    public async Task Health_ClientOverGeneralLimit_StillAnswers()
    {
        for (var i = 0; i <= SmallRateLimits.General; i++)
        {
            await app.Server.SendFromAsync(Proxy, "GET", "/api/catalog", "198.51.100.4");
        }

        var health = await app.Server.SendFromAsync(Proxy, "GET", "/api/health", "198.51.100.4");

        Assert.Equal(200, health.StatusCode);
    }

    [Fact]
    public async Task AiEndpoint_OverAiLimit_Returns429WhileOtherAiEndpointsKeepTheirOwnLimit()
    {
        const string client = "198.51.100.5";
        const string body = """{"basicPrompt":"a red fox crossing"}""";
        var statuses = new List<int>();
        for (var i = 0; i <= SmallRateLimits.Ai; i++)
        {
            statuses.Add((await app.Server.SendFromAsync(Proxy, "POST", "/api/auto-generate-prompt", client, body)).StatusCode);
        }

        var structure = await app.Server.SendFromAsync(Proxy, "POST", "/api/structure-prompt", client, """{"currentPrompt":"A fox."}""");

        Assert.Equal([200, 200, 429], statuses);
        Assert.Equal(200, structure.StatusCode);
        Assert.Equal("2", structure.Header("RateLimit-Limit"));
    }

    [Fact]
    public async Task AiEndpoint_PathSpelledDifferently_SharesTheEndpointsBudget()
    {
        const string client = "198.51.100.7";
        const string body = """{"currentPrompt":"A fox."}""";
        string[] spellings = ["/api/structure-prompt", "/api/Structure-prompt", "/API/structure-prompt", "/api/structure-prompt/"];
        var statuses = new List<int>();
        foreach (var path in spellings)
        {
            statuses.Add((await app.Server.SendFromAsync(Proxy, "POST", path, client, body)).StatusCode);
        }

        Assert.Equal([200, 200, 429, 429], statuses);
    }

    [Fact]
    public async Task StudioAiAction_CountsAgainstTheSameBudgetAsTheApiEndpoint()
    {
        const string client = "198.51.100.8";
        var limiter = app.Services.GetRequiredService<ClientRateLimiter>();

        var studio = await limiter.HitAiAsync(StudioSession.StructurePath, client, CancellationToken.None);
        var api = await app.Server.SendFromAsync(Proxy, "POST", "/api/STRUCTURE-prompt", client, """{"currentPrompt":"A fox."}""");
        var rejected = await app.Server.SendFromAsync(Proxy, "POST", "/api/structure-prompt", client, """{"currentPrompt":"A fox."}""");

        Assert.True(studio.Allowed);
        Assert.Equal(200, api.StatusCode);
        Assert.Equal(429, rejected.StatusCode);
    }

    [Fact]
    public async Task GeneralLimit_ManyAddressesOfOneIpv6Slash64_ShareOneBudget()
    {
        var statuses = new List<int>();
        for (var i = 1; i <= SmallRateLimits.General + 3; i++)
        {
            var address = $"2001:db8:7:1:{i:x}:{i * 7:x}:{i * 13:x}:{i * 31:x}";
            statuses.Add((await app.Server.SendFromAsync(Proxy, "GET", "/api/catalog", address)).StatusCode);
        }

        var neighbour = await app.Server.SendFromAsync(Proxy, "GET", "/api/catalog", "2001:db8:7:2::1");

        Assert.Equal([.. Enumerable.Repeat(200, SmallRateLimits.General), 429, 429, 429], statuses);
        Assert.Equal(200, neighbour.StatusCode);
    }

    [Fact]
    public async Task AiLimit_TwoAddressesOfOneIpv6Slash64_ShareTheEndpointsBudget()
    {
        const string body = """{"currentPrompt":"A fox."}""";

        var first = await app.Server.SendFromAsync(Proxy, "POST", "/api/structure-prompt", "2001:db8:7:3::1", body);
        var second = await app.Server.SendFromAsync(Proxy, "POST", "/api/structure-prompt", "2001:db8:7:3::2", body);
        var third = await app.Server.SendFromAsync(Proxy, "POST", "/api/structure-prompt", "2001:db8:7:3:ffff:ffff:ffff:ffff", body);

        Assert.Equal([200, 200, 429], [first.StatusCode, second.StatusCode, third.StatusCode]);
    }

    [Fact]
    public async Task GeneralLimit_Ipv4MappedIpv6Peer_CountsAsItsIpv4Address()
    {
        var ipv4 = IPAddress.Parse("198.51.100.9");
        var statuses = new List<int>();
        for (var i = 0; i < SmallRateLimits.General; i++)
        {
            var peer = i % 2 == 0 ? ipv4 : ipv4.MapToIPv6();
            statuses.Add((await app.Server.SendFromAsync(peer, "GET", "/api/catalog")).StatusCode);
        }

        var mapped = await app.Server.SendFromAsync(ipv4.MapToIPv6(), "GET", "/api/catalog");
        var plain = await app.Server.SendFromAsync(ipv4, "GET", "/api/catalog");

        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.Equal(429, mapped.StatusCode);
        Assert.Equal(429, plain.StatusCode);
    }

    [Fact]
    public async Task StudioAction_FromAnotherAddressOfTheSlash64_SpendsTheSameGeneralBudget()
    {
        var limiter = app.Services.GetRequiredService<ClientRateLimiter>();
        for (var i = 0; i < SmallRateLimits.General; i++)
        {
            Assert.True((await limiter.HitGeneralAsync($"2001:db8:7:4::{i + 1:x}", CancellationToken.None)).Allowed);
        }

        var api = await app.Server.SendFromAsync(Proxy, "GET", "/api/catalog", "2001:db8:7:4::abcd");

        Assert.Equal(429, api.StatusCode);
    }

    [Fact]
    public async Task AiEndpoint_Rejected_LogsRateLimitLine()
    {
        for (var i = 0; i <= SmallRateLimits.Ai; i++)
        {
            await app.Server.SendFromAsync(Proxy, "POST", "/api/structure-prompt", "198.51.100.6", """{"currentPrompt":"A fox."}""");
        }

        var log = await LogFiles.WaitForAsync(
            Path.Combine(app.LogDirectory, "combined.log"),
            text => text.Contains("rate limit", StringComparison.Ordinal) && text.Contains("198.51.100.6", StringComparison.Ordinal));

        Assert.Contains(
            log.Split('\n'),
            line => line.Contains("rate limit", StringComparison.Ordinal) && line.Contains("198.51.100.6", StringComparison.Ordinal));
    }
}
