namespace SoraPromptGenie.Components;

public static class PagesRegistration
{
    /// <summary>
    /// The Blazor pages, rooted at <see cref="App"/>. Blazor would add a second Content-Security-Policy header
    /// (<c>frame-ancestors 'self'</c>); the site's own policy already says <c>frame-ancestors 'none'</c>, so one header
    /// carries the whole policy.
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder MapPages(this IEndpointRouteBuilder app) =>
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
}
