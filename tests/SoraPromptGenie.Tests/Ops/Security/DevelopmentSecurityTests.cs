using Microsoft.AspNetCore.Mvc.Testing;

namespace SoraPromptGenie.Tests.Ops.Security;

public sealed class DevelopmentSecurityTests(DevelopmentAppFactory app) : IClassFixture<DevelopmentAppFactory>
{
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
}
