using System.Net;
using System.Net.Sockets;

namespace SoraPromptGenie.Ops.RateLimiting;

/// <summary>
/// Who a rate limit counts: an IPv4 address, or the IPv6 network of <c>RateLimiting:Ipv6PrefixLength</c> bits around an
/// IPv6 address. One IPv6 subscriber is handed a whole /64 (often a /56 or /48), so counting single IPv6 addresses would
/// give such a client billions of budgets. An IPv4-mapped IPv6 address (<c>::ffff:192.0.2.1</c>, what a dual-stack
/// socket reports for an IPv4 peer) counts as its IPv4 address.
/// </summary>
public static class ClientKey
{
    public static string For(IPAddress address, int ipv6PrefixLength)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        for (var bit = ipv6PrefixLength; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        // The scope id (fe80::1%eth0) is dropped with the host bits: the network is the same on any interface.
        return $"{new IPAddress(bytes)}/{ipv6PrefixLength}";
    }

    /// <summary>An address given as text (the Blazor circuit keeps it so); text that is no address counts as itself.</summary>
    public static string For(string address, int ipv6PrefixLength) =>
        IPAddress.TryParse(address, out var parsed) ? For(parsed, ipv6PrefixLength) : address;
}
