using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.Redis;

/// <summary>Two app instances over one Redis: shared limits, a shared response cache, and a Redis outage in the middle.</summary>
public sealed class RedisRateLimitCounterStoreTests : IAsyncLifetime
{
    private readonly AppInstances _instances = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _instances.DisposeAsync();

    [Fact]
    public async Task GeneralLimit_TwoInstancesOneRedis_AdmitsExactlyLimitAcrossBoth()
    {
        var url = TestRedis.Url(database: 3);
        await TestRedis.FlushAsync(url);
        var (a, b) = (await StartAsync(url, "7/86400"), await StartAsync(url, "7/86400"));

        var statuses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => GetCatalogAsync(i % 2 == 0 ? a : b)));

        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(33, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task ResponseCache_TwoInstancesOneRedis_SecondInstanceAnswersFromCache()
    {
        var url = TestRedis.Url(database: 4);
        await TestRedis.FlushAsync(url);
        var (a, b) = (await StartAsync(url, "1000/900"), await StartAsync(url, "1000/900"));
        var body = new { basicPrompt = "a lighthouse keeper at dusk" };

        var first = await PostAsync(a, "/api/auto-generate-prompt", body);
        var second = await PostAsync(b, "/api/auto-generate-prompt", body);

        Assert.False(first.GetProperty("cached").GetBoolean());
        Assert.True(second.GetProperty("cached").GetBoolean());
        Assert.Equal(first.GetProperty("generatedPrompt").GetString(), second.GetProperty("generatedPrompt").GetString());
        Assert.Equal(1, a.Upstream.Requests.Count(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)));
        Assert.Equal(0, b.Upstream.Requests.Count(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GeneralLimit_RedisStoppedThenRestarted_LimitsPerInstanceThenSharedAgain()
    {
        await using var redis = await OwnRedisServer.StartAsync();
        var (a, b) = (await StartAsync(redis.Url, "5/86400"), await StartAsync(redis.Url, "5/86400"));
        Assert.All(await Task.WhenAll(GetCatalogAsync(a), GetCatalogAsync(b)), s => Assert.Equal(HttpStatusCode.OK, s));

        await redis.StopAsync();
        await WaitForRedisStatusAsync([a, b], "degraded");
        var clock = Stopwatch.StartNew();
        var duringOutageA = await SequentialAsync(a, 6);
        var duringOutageB = await SequentialAsync(b, 6);
        var outageElapsed = clock.Elapsed;

        await redis.StartAgainAsync();
        await WaitForRedisStatusAsync([a, b], "healthy");
        var afterRestart = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => GetCatalogAsync(i % 2 == 0 ? a : b)));

        // Documented choice: while Redis is down each instance enforces the limit on its own, in process.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], duringOutageA);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], duringOutageB);
        Assert.True(outageElapsed < TimeSpan.FromSeconds(3), $"12 requests during the outage took {outageElapsed}");
        Assert.Equal(5, afterRestart.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(15, afterRestart.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task ResponseCache_RedisDown_BypassesCacheAndAnswers()
    {
        await using var redis = await OwnRedisServer.StartAsync();
        var a = await StartAsync(redis.Url, "1000/900");
        await redis.StopAsync();
        await WaitForRedisStatusAsync([a], "degraded");
        var body = new { basicPrompt = "a paper boat in the rain" };

        var first = await PostAsync(a, "/api/auto-generate-prompt", body);
        var second = await PostAsync(a, "/api/auto-generate-prompt", body);

        Assert.False(first.GetProperty("cached").GetBoolean());
        Assert.False(second.GetProperty("cached").GetBoolean());
        Assert.StartsWith("127.0.0.1:", second.GetProperty("engine").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, a.Upstream.Requests.Count(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)));
    }

    private Task<SettingsAppFactory> StartAsync(string redisUrl, string generalLimit) => _instances.StartAsync(new Dictionary<string, string?>
    {
        ["REDIS_URL"] = redisUrl,
        ["RATE_LIMIT_GENERAL"] = generalLimit,
        ["LLM_CACHE_TTL_SECONDS"] = "86400",
    });

    private static async Task<HttpStatusCode> GetCatalogAsync(SettingsAppFactory instance)
    {
        using var client = instance.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/catalog", UriKind.Relative));
        return response.StatusCode;
    }

    private static async Task<List<HttpStatusCode>> SequentialAsync(SettingsAppFactory instance, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            statuses.Add(await GetCatalogAsync(instance));
        }

        return statuses;
    }

    private static async Task<JsonElement> PostAsync(SettingsAppFactory instance, string path, object body)
    {
        using var client = instance.CreateClient();
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task WaitForRedisStatusAsync(IReadOnlyList<SettingsAppFactory> instances, string status)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var instance in instances)
        {
            using var client = instance.CreateClient();
            while (true)
            {
                using var response = await client.GetAsync(new Uri("/api/health/ready", UriKind.Relative));
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                if (body.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString() == status)
                {
                    break;
                }

                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(15), $"Redis check did not become {status} within 15 s");
                await Task.Delay(100);
            }
        }
    }
}
