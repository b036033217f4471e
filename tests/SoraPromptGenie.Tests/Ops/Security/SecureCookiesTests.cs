using SoraPromptGenie.Library;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.Security;

/// <summary>Outside Development every cookie is Secure, whether TLS ended at a proxy or nothing said it was there.</summary>
public sealed class SecureCookiesTests(AppFactory<PublicSite> app) : IClassFixture<AppFactory<PublicSite>>
{
    private const string AntiforgeryCookie = ".AspNetCore.Antiforgery.";

    [Fact]
    public async Task GetPage_HttpsForwardedByTrustedProxy_AntiforgeryCookieIsSecure()
    {
        var cookies = await app.Server.GetPageCookiesAsync(CookieRequests.TrustedProxy, forwardedProto: "https");

        Assert.True(CookieRequests.IsSecure(cookies.Cookie(AntiforgeryCookie)), cookies.Cookie(AntiforgeryCookie));
    }

    [Fact]
    public async Task GetPage_PlainRequest_AntiforgeryCookieIsSecure()
    {
        var cookies = await app.Server.GetPageCookiesAsync(CookieRequests.TrustedProxy);

        Assert.True(CookieRequests.IsSecure(cookies.Cookie(AntiforgeryCookie)), cookies.Cookie(AntiforgeryCookie));
    }

    [Fact]
    public async Task PostSession_PlainRequest_WorkspaceCookiesAreSecure()
    {
        var cookies = await app.PostNewWorkspaceCookiesAsync(CookieRequests.TrustedProxy);

        Assert.True(CookieRequests.IsSecure(cookies.Cookie(WorkspaceAuth.CookieName + "=")));
        Assert.True(CookieRequests.IsSecure(cookies.Cookie(WorkspaceSession.NewKeyCookie + "=")));
    }

    [Fact]
    public async Task PostSession_HttpsForwardedByTrustedProxy_WorkspaceCookiesAreSecure()
    {
        var cookies = await app.PostNewWorkspaceCookiesAsync(CookieRequests.TrustedProxy, forwardedProto: "https");

        Assert.True(CookieRequests.IsSecure(cookies.Cookie(WorkspaceAuth.CookieName + "=")));
        Assert.True(CookieRequests.IsSecure(cookies.Cookie(WorkspaceSession.NewKeyCookie + "=")));
    }
}
