using System.Net;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Prompting;

public sealed class CatalogEndpointsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task GetCatalog_NoValidator_ReturnsCatalogWithETag()
    {
        using var client = app.CreateClient();

        using var response = await client.GetPathAsync("/api/catalog");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag.IsWeak);
        Assert.Equal(4, body.GetProperty("groups").GetArrayLength());
        var categories = body.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(12, categories.Count);
        Assert.All(categories, c =>
        {
            Assert.False(string.IsNullOrEmpty(c.GetProperty("id").GetString()));
            Assert.False(string.IsNullOrEmpty(c.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrEmpty(c.GetProperty("group").GetString()));
            Assert.True(c.GetProperty("core").ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False);
            Assert.True(c.GetProperty("enhancements").GetArrayLength() >= 8);
            Assert.All(c.GetProperty("enhancements").EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("phrase").GetString())));
        });
        Assert.True(body.GetProperty("presets").GetArrayLength() >= 6);
        Assert.True(body.GetProperty("starters").GetArrayLength() >= 8);
        Assert.Equal(0, app.Upstream.RequestCount);
    }

    [Fact]
    public async Task GetCatalog_IfNoneMatchCurrentETag_Returns304WithoutBody()
    {
        using var client = app.CreateClient();
        using var first = await client.GetPathAsync("/api/catalog");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/catalog", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(first.Headers.ETag, response.Headers.ETag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetCatalog_IfNoneMatchStaleETag_ReturnsFullCatalog()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/catalog", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"stale\""));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(12, (await response.ReadJsonAsync()).GetProperty("categories").GetArrayLength());
    }
}
