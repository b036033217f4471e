using System.Net;
using SoraPromptGenie.Ops.RateLimiting;

namespace SoraPromptGenie.Tests.Ops.RateLimiting;

public sealed class ClientKeyTests
{
    [Theory]
    [InlineData("2001:db8:1:2:3:4:5:6", 64, "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", 64, "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2ff:3:4:5:6", 56, "2001:db8:1:200::/56")]
    [InlineData("2001:db8:abcd:1:3:4:5:6", 48, "2001:db8:abcd::/48")]
    [InlineData("2001:db8:1:2:3:4:5:6", 128, "2001:db8:1:2:3:4:5:6/128")]
    [InlineData("2001:db8:1:2:3:4:5:6", 61, "2001:db8:1::/61")]
    [InlineData("fe80::1%2", 64, "fe80::/64")]
    public void For_Ipv6Address_IsItsNetworkOfThePrefixLength(string address, int prefix, string expected)
    {
        Assert.Equal(expected, ClientKey.For(IPAddress.Parse(address), prefix));
    }

    [Theory]
    [InlineData("198.51.100.7", "198.51.100.7")]
    [InlineData("::ffff:198.51.100.7", "198.51.100.7")]
    [InlineData("::ffff:c633:6407", "198.51.100.7")]
    public void For_Ipv4OrIpv4MappedAddress_IsTheIpv4Address(string address, string expected)
    {
        Assert.Equal(expected, ClientKey.For(IPAddress.Parse(address), 64));
        Assert.Equal(expected, ClientKey.For(address, 64));
    }

    [Fact]
    public void For_TextThatIsNoAddress_IsKeptAsItIs()
    {
        Assert.Equal("unknown", ClientKey.For("unknown", 64));
    }
}
