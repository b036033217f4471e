using Microsoft.AspNetCore.Mvc.Testing;
using SoraPromptGenie.Library;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.Security;

public sealed class DevelopmentSecurityTests(AppFactory<DevelopmentHost> app) : IClassFixture<AppFactory<DevelopmentHost>>
{
    private const string AntiforgeryCookie = ".AspNetCore.Antiforgery.";

    [Fact]
    public async Task Https_Development_SendsNoHstsButOtherHeaders()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://sora.example.com") });

        using var response = await client.GetPathAsync("/api/health");
        var body = await response.ReadJsonAsync();

        Assert.Equal("Development", body.GetProperty("environment").GetString());
        Assert.Null(response.Header("Strict-Transport-Security"));
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
    }

    [Fact]
    public async Task GetPage_PlainRequestInDevelopment_AntiforgeryCookieIsNotSecure()
    {
        var cookies = await app.Server.GetPageCookiesAsync(CookieRequests.TrustedProxy);

        Assert.False(CookieRequests.IsSecure(cookies.Cookie(AntiforgeryCookie)));
    }

    [Fact]
    public async Task GetPage_HttpsForwardedByTrustedProxyInDevelopment_AntiforgeryCookieIsSecure()
    {
        var cookies = await app.Server.GetPageCookiesAsync(CookieRequests.TrustedProxy, forwardedProto: "https");

        Assert.True(CookieRequests.IsSecure(cookies.Cookie(AntiforgeryCookie)));
    }

    [Fact]
    public async Task GetPage_HttpsClaimedByUntrustedCallerInDevelopment_AntiforgeryCookieIsNotSecure()
    {
        var cookies = await app.Server.GetPageCookiesAsync(CookieRequests.Stranger, forwardedProto: "https");

        Assert.False(CookieRequests.IsSecure(cookies.Cookie(AntiforgeryCookie)));
    }

    [Fact]
    public async Task PostSession_HttpsForwardedByTrustedProxyInDevelopment_WorkspaceCookiesAreSecure()
    {
        var cookies = await app.PostNewWorkspaceCookiesAsync(CookieRequests.TrustedProxy, forwardedProto: "https");

        Assert.True(CookieRequests.IsSecure(cookies.Cookie(WorkspaceAuth.CookieName + "=")));
        Assert.True(CookieRequests.IsSecure(cookies.Cookie(WorkspaceSession.NewKeyCookie + "=")));
    }

    [Fact]
    public async Task PostSession_PlainRequestInDevelopment_WorkspaceCookiesAreNotSecure()
    {
        var cookies = await app.PostNewWorkspaceCookiesAsync(CookieRequests.TrustedProxy);

        Assert.False(CookieRequests.IsSecure(cookies.Cookie(WorkspaceAuth.CookieName + "=")));
    }
}
