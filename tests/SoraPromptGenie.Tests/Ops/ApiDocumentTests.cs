using System.Net;
using System.Text.Json;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops;

public sealed class ApiDocumentTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task OpenApiDocument_ForeignHostHeader_IsNotEchoed()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/openapi/v1.json", UriKind.Relative));
        request.Headers.Host = "attacker.example:8443";

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("attacker.example", body, StringComparison.OrdinalIgnoreCase);
        using var document = JsonDocument.Parse(body);
        Assert.False(document.RootElement.TryGetProperty("servers", out _), "the document names a server");
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/health", out _));
    }
}
