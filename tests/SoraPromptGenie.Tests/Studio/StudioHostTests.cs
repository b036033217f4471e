using System.Net;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Studio;

/// <summary>The studio as the Production host serves it: prerendered page, security headers, friendly error page.</summary>
public sealed class StudioHostTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Get_Root_PrerendersStudioUnderStrictCsp()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data-testid=\"studio\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"empty-state\"", html, StringComparison.Ordinal);
        Assert.Contains("_framework/blazor.web.js", html, StringComparison.Ordinal);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline' 'unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("<script type=\"importmap\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NotFoundPage_ShowsTheGenericPage()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/not-found", UriKind.Relative));

        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.DoesNotContain("shared-not-found", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ErrorPage_ShowsFriendlyMessageWithoutDetails()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/Error", UriKind.Relative));

        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--Blazor:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownApiRoute_KeepsJsonErrorShape()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/no-such-thing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }
}
