using System.Net;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.RateLimiting;

/// <summary>X-Forwarded-For decides the client only when the connection comes from TRUSTED_PROXIES (10.9.9.9 here).</summary>
public sealed class ForwardedClientTests(AppFactory<UntrustedProxy> app) : IClassFixture<AppFactory<UntrustedProxy>>
{
    [Fact]
    public async Task GeneralLimit_UntrustedPeerRotatesForwardedFor_CountsThePeer()
    {
        var peer = IPAddress.Parse("203.0.113.7");
        var statuses = new List<int>();

        for (var i = 1; i <= UntrustedProxy.General + 1; i++)
        {
            statuses.Add((await app.Server.SendFromAsync(peer, "GET", "/api/catalog", $"192.0.2.{i}")).StatusCode);
        }

        Assert.Equal([200, 200, 200, 429], statuses);
    }

    [Fact]
    public async Task GeneralLimit_TrustedProxyForwardsDistinctClients_CountsEachClient()
    {
        var proxy = IPAddress.Parse(UntrustedProxy.TrustedProxy);
        var statuses = new List<int>();

        for (var i = 1; i <= UntrustedProxy.General + 3; i++)
        {
            statuses.Add((await app.Server.SendFromAsync(proxy, "GET", "/api/catalog", $"192.0.2.{100 + i}")).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(200, s));
    }

    [Fact]
    public async Task GeneralLimit_TrustedProxyForwardsOneClient_LimitsThatClient()
    {
        var proxy = IPAddress.Parse(UntrustedProxy.TrustedProxy);
        var statuses = new List<int>();

        for (var i = 0; i <= UntrustedProxy.General; i++)
        {
            statuses.Add((await app.Server.SendFromAsync(proxy, "GET", "/api/catalog", "192.0.2.200")).StatusCode);
        }

        Assert.Equal([200, 200, 200, 429], statuses);
    }
}
