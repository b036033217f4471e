using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.Security;

public sealed class SecurityHeadersTests(AppFactory<PublicSite> app) : IClassFixture<AppFactory<PublicSite>>
{
    [Theory]
    [InlineData("GET", "/api/health")]
    [InlineData("GET", "/api/catalog")]
    [InlineData("GET", "/api/nope")]
    [InlineData("POST", "/api/auto-generate-prompt")]
    public async Task Response_AnyApiOutcome_CarriesSecurityHeaders(string method, string path)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));

        using var response = await client.SendAsync(request);

        var csp = response.Header("Content-Security-Policy");
        Assert.NotNull(csp);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", response.Header("Referrer-Policy"));
        Assert.Equal("DENY", response.Header("X-Frame-Options"));
        Assert.Null(response.Header("Server"));
    }

    [Fact]
    public async Task Csp_Page_AllowsConnectionsToOwnOriginOnly()
    {
        using var client = app.CreateClient();

        using var response = await client.GetPathAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var directives = response.Header("Content-Security-Policy")!.Split(';', StringSplitOptions.TrimEntries);
        Assert.Equal("connect-src 'self'", Assert.Single(directives, d => d.StartsWith("connect-src", StringComparison.Ordinal)));
        Assert.DoesNotContain(directives, d => d.Contains("ws:", StringComparison.Ordinal) || d.Contains("wss:", StringComparison.Ordinal) || d.Contains('*', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Https_Production_SendsHsts()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(PublicSite.SiteUrl) });

        using var response = await client.GetPathAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hsts = response.Header("Strict-Transport-Security");
        Assert.NotNull(hsts);
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainHttp_Production_SendsNoHsts()
    {
        using var client = app.CreateClient();

        using var response = await client.GetPathAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        Assert.Null(response.Header("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Cors_AllowedOrigin_GetsAllowOriginHeader()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/catalog", UriKind.Relative));
        request.Headers.Add("Origin", PublicSite.SiteUrl);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PublicSite.SiteUrl, response.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Cors_DisallowedOrigin_NoAllowOriginButStill200()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/catalog", UriKind.Relative));
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Cors_DisallowedOriginOnAiEndpoint_AnswersNormally()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/structure-prompt", UriKind.Relative))
        {
            Content = new StringContent("""{"currentPrompt":""}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "http://192.168.1.20:5000");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Cors_PreflightFromAllowedOrigin_AllowsPostWithJson()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/enhance-prompt", UriKind.Relative));
        request.Headers.Add("Origin", PublicSite.SiteUrl);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");

        using var response = await client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"preflight answered {(int)response.StatusCode}");
        Assert.Equal(PublicSite.SiteUrl, response.Header("Access-Control-Allow-Origin"));
        Assert.Contains("POST", response.Header("Access-Control-Allow-Methods"), StringComparison.Ordinal);
    }
}
