using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Library;

namespace SoraPromptGenie.Tests.Ops.Security;

/// <summary>
/// Requests that set cookies (the studio page sets the antiforgery cookie, the sign-in form the workspace cookies),
/// sent from a chosen address, optionally as a proxy that terminated TLS would forward them.
/// </summary>
internal static class CookieRequests
{
    public static readonly IPAddress TrustedProxy = IPAddress.Loopback;
    public static readonly IPAddress Stranger = IPAddress.Parse("203.0.113.9");

    public static async Task<IReadOnlyList<string>> GetPageCookiesAsync(this TestServer server, IPAddress from, string? forwardedProto = null)
    {
        var context = await server.SendAsync(http =>
        {
            Prepare(http, from, forwardedProto, HttpMethods.Get, "/");
        });

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        return context.Response.Headers.SetCookie.OfType<string>().ToList();
    }

    /// <summary>Creates a workspace through the studio's sign-in form, with a valid antiforgery pair.</summary>
    public static async Task<IReadOnlyList<string>> PostNewWorkspaceCookiesAsync<TProgram>(this WebApplicationFactory<TProgram> app, IPAddress from, string? forwardedProto = null)
        where TProgram : class
    {
        var cookieName = app.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name!;
        var tokens = app.Services.GetRequiredService<IAntiforgery>().GetTokens(new DefaultHttpContext { RequestServices = app.Services });
        var context = await app.Server.SendAsync(http =>
        {
            Prepare(http, from, forwardedProto, HttpMethods.Post, WorkspaceSession.Path);
            http.Request.Headers.Cookie = $"{cookieName}={tokens.CookieToken}";
            var body = System.Text.Encoding.UTF8.GetBytes($"action={WorkspaceSession.Create}&{tokens.FormFieldName}={Uri.EscapeDataString(tokens.RequestToken!)}");
            http.Request.ContentType = "application/x-www-form-urlencoded";
            http.Request.ContentLength = body.Length;
            http.Request.Body = new MemoryStream(body);
            http.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>(new HasBody());
        });

        Assert.Equal(StatusCodes.Status302Found, context.Response.StatusCode);
        return context.Response.Headers.SetCookie.OfType<string>().ToList();
    }

    public static string Cookie(this IReadOnlyList<string> cookies, string namePrefix) =>
        Assert.Single(cookies, c => c.StartsWith(namePrefix, StringComparison.Ordinal));

    public static bool IsSecure(string setCookie) =>
        setCookie.Split(';', StringSplitOptions.TrimEntries).Contains("secure", StringComparer.OrdinalIgnoreCase);

    private static void Prepare(HttpContext http, IPAddress from, string? forwardedProto, string method, string path)
    {
        http.Connection.RemoteIpAddress = from;
        http.Request.Scheme = "http";
        http.Request.Method = method;
        http.Request.Path = path;
        if (forwardedProto is not null)
        {
            http.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            http.Request.Headers["X-Forwarded-For"] = "198.51.100.20";
        }
    }
}
