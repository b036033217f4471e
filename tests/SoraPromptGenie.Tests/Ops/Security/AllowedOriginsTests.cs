using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.Security;

public sealed class AllowedOriginsTests(AppFactory<AllowedOrigins> app) : IClassFixture<AppFactory<AllowedOrigins>>
{
    [Theory]
    [InlineData("https://studio.example.com", true)]
    [InlineData("https://partner.example.org", true)]
    [InlineData("https://sora.example.com", false)]
    [InlineData("http://studio.example.com", false)]
    public async Task Cors_OriginAgainstAllowedOrigins_AllowedOnlyWhenListed(string origin, bool allowed)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/targets", UriKind.Relative));
        request.Headers.Add("Origin", origin);

        using var response = await client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(allowed ? origin : null, response.Header("Access-Control-Allow-Origin"));
    }
}
