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
    /// The Blazor endpoints. Blazor would add a second Content-Security-Policy header (<c>frame-ancestors 'self'</c>);
    /// the site's own policy already says <c>frame-ancestors 'none'</c>, so one header carries the whole policy.
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder MapStudio(this IEndpointRouteBuilder app) =>
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
}
