using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Ops.Security;

/// <summary>Forwarded headers from trusted proxies only, CORS from the configured origins, Secure cookies and security headers.</summary>
public static class SecurityRegistration
{
    public const string CorsPolicy = "site";

    public static IServiceCollection AddSecurity(this IServiceCollection services)
    {
        services.AddCheckedOptions<SiteOptions, SiteOptionsRules>(SiteOptions.SectionName);
        services.AddCheckedOptions<AdminOptions>(AdminOptions.SectionName);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SiteOptions>>((forwarded, site) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var entry in SiteOptions.Split(site.Value.TrustedProxies))
            {
                if (SiteOptions.TryParseNetwork(entry, out var network))
                {
                    forwarded.KnownIPNetworks.Add(network);
                }
            }

            // A chain of proxies (CDN -> nginx) is walked back only through trusted hops.
            forwarded.ForwardLimit = null;
        });

        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<SiteOptions>>((cors, site) =>
            cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins([.. site.Value.Origins])
                .AllowAnyHeader()
                .WithMethods("GET", "POST", "PUT", "DELETE")
                .WithExposedHeaders("X-Request-Id", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After", "ETag")));
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        // Outside Development every cookie the app sets (antiforgery, workspace) is Secure, also when a TLS proxy's
        // X-Forwarded-Proto is missing or untrusted; in Development only on HTTPS, so plain http://localhost works.
        // The cookie policy upgrades the flag as cookies are written; setting the antiforgery cookie's own policy to
        // Always would instead make every page rendered over plain HTTP fail.
        services.AddOptions<CookiePolicyOptions>().Configure<IHostEnvironment>((cookies, environment) =>
            cookies.Secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        return services;
    }

    /// <summary>Applies the cookie policy; runs after the forwarded headers, so a request a trusted proxy took over TLS counts as HTTPS.</summary>
    public static IApplicationBuilder UseSecureCookies(this IApplicationBuilder app) => app.UseCookiePolicy();

    /// <summary>
    /// Content-Security-Policy that the Blazor Server UI lives with: its scripts and styles are served by the app, the
    /// circuit uses a same-origin WebSocket (which <c>connect-src 'self'</c> covers: CSP level 3 matches ws: and wss:
    /// of the page's own host), and Blazor injects inline style attributes.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IHostEnvironment environment)
    {
        const string csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
            "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
            "form-action 'self'; frame-ancestors 'none'";
        if (!environment.IsDevelopment())
        {
            app.UseHsts();
        }

        // Set as the response starts, so error responses (whose headers the exception handler clears) carry them too.
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers.ContentSecurityPolicy = csp;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
    }

    public static IPAddress ClientAddress(this HttpContext context) => context.Connection.RemoteIpAddress ?? IPAddress.Loopback;
}
