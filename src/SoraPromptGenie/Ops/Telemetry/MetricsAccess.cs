using System.Net;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Ops.Security;

namespace SoraPromptGenie.Ops.Telemetry;

/// <summary>
/// Who may scrape /metrics: a caller on this machine that reached the app directly (a local Prometheus or agent, or
/// an operator with curl), or anyone presenting <c>Authorization: Bearer ADMIN_TOKEN</c>. A request that carries any
/// forwarded header came through a proxy, or claims to have, so it must present the token even from loopback: the
/// connection address is then the proxy's, and a header the forwarded-headers middleware could not parse would
/// otherwise leave it looking local.
/// </summary>
public sealed class MetricsAccess(IOptions<AdminOptions> admin)
{
    /// <summary>What proxies send, and where the forwarded-headers middleware moves the values it applied.</summary>
    private static readonly string[] ForwardedHeaders =
    [
        "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "Forwarded", "X-Real-IP",
        "X-Original-For", "X-Original-Proto", "X-Original-Host",
    ];

    private readonly AdminToken? _token = AdminToken.From(admin.Value.Token);

    public bool IsAllowed(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (IsLocal(context) && !WasForwarded(context.Request)) || _token?.IsPresentedBy(context.Request) == true;
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

    private static bool IsLocal(HttpContext context)
    {
        var client = context.ClientAddress();
        return IPAddress.IsLoopback(client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client);
    }

    private static bool WasForwarded(HttpRequest request) => ForwardedHeaders.Any(request.Headers.ContainsKey);
}
