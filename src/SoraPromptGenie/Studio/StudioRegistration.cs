using Microsoft.AspNetCore.StaticAssets;
using SoraPromptGenie.Components;

namespace SoraPromptGenie.Studio;

public static class StudioRegistration
{
    /// <summary>The Blazor studio: interactive server components and the per-circuit state they share.</summary>
    public static IServiceCollection AddStudio(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddScoped<CircuitClient>();
        services.AddScoped<StudioSession>();
        services.AddScoped<ExportSelection>();
        return services;
    }

    /// <summary>
    /// The studio's CSS and scripts from the static web assets manifest. Outside a published app, MapStaticAssets would also
    /// map a GET catch-all (<c>{**path:file}</c>) for files missing from the manifest; routing weighs its method before its
    /// constraint, so unknown /api routes would answer 405 and wrong-method ones 404. The studio needs no such fallback.
    /// </summary>
    public static StaticAssetsEndpointConventionBuilder MapStudioAssets(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] = "true";
        return app.MapStaticAssets();
    }

    /// <summary>
    /// The Blazor endpoints. Blazor would add a second Content-Security-Policy header (<c>frame-ancestors 'self'</c>);
    /// the site's own policy already says <c>frame-ancestors 'none'</c>, so one header carries the whole policy.
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder MapStudio(this IEndpointRouteBuilder app) =>
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
}
