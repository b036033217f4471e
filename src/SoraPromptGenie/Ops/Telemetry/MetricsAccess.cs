using System.Net;
using System.Security.Cryptography;
using System.Text;
using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Ops.Security;

namespace SoraPromptGenie.Ops.Telemetry;

/// <summary>
/// Who may scrape /metrics: a caller on this machine (a local Prometheus or agent, or an operator with curl), or anyone
/// presenting <c>Authorization: Bearer ADMIN_TOKEN</c>. The client address is the one left after forwarded headers
/// were applied, so a request relayed by a trusted proxy counts as its real client, not as loopback.
/// </summary>
public sealed class MetricsAccess(string? adminToken)
{
    private readonly byte[]? _token = string.IsNullOrEmpty(adminToken) ? null : Encoding.UTF8.GetBytes(adminToken);

    public bool IsAllowed(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = context.ClientAddress();
        return IPAddress.IsLoopback(client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client) || HasToken(context);
    }

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (IsAllowed(context))
        {
            return next(context);
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        return ApiErrorWriter.WriteAsync(
            context,
            StatusCodes.Status401Unauthorized,
            ErrorCodes.Unauthorized,
            "Metrics are served to local callers, or with Authorization: Bearer ADMIN_TOKEN.");
    }

    private bool HasToken(HttpContext context)
    {
        if (_token is null)
        {
            return false;
        }

        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(header[scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(presented, _token);
    }
}
