using System.Net;
using SoraPromptGenie.Ops.Configuration;
using SoraPromptGenie.Ops.Redis;
using SoraPromptGenie.Tests.Infrastructure;
using StackExchange.Redis;

namespace SoraPromptGenie.Tests.Ops.Redis;

public sealed class RedisUrlTests
{
    [Theory]
    [InlineData("redis://127.0.0.1:6380", "127.0.0.1", 6380, 0, null, null, false)]
    [InlineData("redis://cache.internal", "cache.internal", 6379, 0, null, null, false)]
    [InlineData("redis://:s3cret@10.0.0.5:6379/2", "10.0.0.5", 6379, 2, null, "s3cret", false)]
    [InlineData("redis://s3cret@10.0.0.5:6379", "10.0.0.5", 6379, 0, null, "s3cret", false)]
    [InlineData("redis://app:p%40ss@host:7000/15", "host", 7000, 15, "app", "p@ss", false)]
    [InlineData("rediss://:key@secure.example.com:6380/1", "secure.example.com", 6380, 1, null, "key", true)]
    public void TryParse_ValidUrl_SetsEndpointDatabaseAndCredentials(
        string url, string host, int port, int database, string? user, string? password, bool ssl)
    {
        var parsed = RedisUrl.TryParse(url, out var options);

        Assert.True(parsed);
        var endpoint = Assert.Single(options.EndPoints);
        Assert.Equal(host, endpoint is DnsEndPoint dns ? dns.Host : ((IPEndPoint)endpoint).Address.ToString());
        Assert.Equal(port, endpoint is DnsEndPoint d ? d.Port : ((IPEndPoint)endpoint).Port);
        Assert.Equal(database, options.DefaultDatabase);
        Assert.Equal(user, options.User);
        Assert.Equal(password, options.Password);
        Assert.Equal(ssl, options.Ssl);
    }

    [Fact]
    public void TryParse_AnyValidUrl_SurvivesRedisBeingDown()
    {
        var parsed = RedisUrl.TryParse("redis://127.0.0.1:6379", out var options);

        Assert.True(parsed);
        Assert.False(options.AbortOnConnectFail);
        Assert.True(options.ConnectTimeout <= 2_000);
        Assert.True(options.AsyncTimeout <= 1_000);
        Assert.Same(BacklogPolicy.FailFast, options.BacklogPolicy);
    }

    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.1:6379")]
    [InlineData("http://127.0.0.1:6379")]
    [InlineData("redis://")]
    [InlineData("redis://host:6379/16")]
    [InlineData("redis://host:6379/abc")]
    [InlineData("redis://host:6379/0?ssl=true")]
    [InlineData("redis://host:99999")]
    public void TryParse_InvalidUrl_ReturnsFalse(string url)
    {
        var parsed = RedisUrl.TryParse(url, out _);

        Assert.False(parsed);
    }

    [Fact]
    public void Validate_BadUrlWithPassword_NamesVariableWithoutEchoingIt()
    {
        var problems = OptionsCheck.Problems(
            new Dictionary<string, string?> { ["Redis:Url"] = "redis://:hunter2@host/99" },
            services => services.AddCheckedOptions<RedisOptions>(RedisOptions.SectionName));

        var line = Assert.Single(problems);
        Assert.StartsWith("REDIS_URL: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);
    }
}
