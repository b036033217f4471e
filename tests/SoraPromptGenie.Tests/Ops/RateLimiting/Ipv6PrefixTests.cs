using System.Net;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.RateLimiting;

/// <summary>RateLimiting:Ipv6PrefixLength widens or narrows the network an IPv6 client is counted by.</summary>
public sealed class Ipv6PrefixTests(AppFactory<Ipv6Slash56> app) : IClassFixture<AppFactory<Ipv6Slash56>>
{
    [Fact]
    public async Task GeneralLimit_PrefixOf56_TwoSlash64sOfOneSlash56ShareABudget()
    {
        var proxy = IPAddress.Loopback;

        var first = await app.Server.SendFromAsync(proxy, "GET", "/api/catalog", "2001:db8:5:100::1");
        var second = await app.Server.SendFromAsync(proxy, "GET", "/api/catalog", "2001:db8:5:1ff::1");
        var third = await app.Server.SendFromAsync(proxy, "GET", "/api/catalog", "2001:db8:5:180::1");
        var otherSlash56 = await app.Server.SendFromAsync(proxy, "GET", "/api/catalog", "2001:db8:5:200::1");

        Assert.Equal([200, 200, 429, 200], [first.StatusCode, second.StatusCode, third.StatusCode, otherSlash56.StatusCode]);
    }
}
