using System.Net;
using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Ops.Security;

/// <summary>Public URL, CORS origins and trusted reverse proxies (SITE_URL, ALLOWED_ORIGINS, TRUSTED_PROXIES).</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    [HttpUrl]
    public string Url { get; set; } = "http://localhost:5000";

    /// <summary>Comma-separated origins; empty means the origin of <see cref="Url"/>.</summary>
    public string? AllowedOrigins { get; set; }

    public string TrustedProxies { get; set; } = "127.0.0.1,::1";

    public IReadOnlyList<string> Origins =>
        string.IsNullOrWhiteSpace(AllowedOrigins)
            ? [new Uri(Url).GetLeftPart(UriPartial.Authority)]
            : [.. Split(AllowedOrigins).Select(o => o.TrimEnd('/'))];

    public static bool TryParseNetwork(string value, out System.Net.IPNetwork network)
    {
        if (value.Contains('/', StringComparison.Ordinal))
        {
            return System.Net.IPNetwork.TryParse(value, out network);
        }

        if (IPAddress.TryParse(value, out var address))
        {
            network = new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        network = default;
        return false;
    }

    /// <summary>The entries of a comma list, trimmed, without empty ones.</summary>
    public static string[] Split(string? value) =>
        (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
