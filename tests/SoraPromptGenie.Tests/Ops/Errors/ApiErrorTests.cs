using System.Net;
using SoraPromptGenie.Ops;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.Errors;

/// <summary>Routing errors under /api answer JSON in the product's shape (the original answered 200 with the HTML page).</summary>
public sealed class ApiErrorTests : IClassFixture<AppFactory>, IDisposable
{
    private readonly HttpClient _client;

    public ApiErrorTests(AppFactory app) => _client = app.CreateClient();

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData("GET", "/api/does-not-exist")]
    [InlineData("POST", "/api/enhance")]
    [InlineData("GET", "/api/catalog/categories/lighting")]
    [InlineData("DELETE", "/api/v2/enhance-prompt")]
    public async Task UnknownApiRoute_AnyMethod_Returns404Json(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));

        using var response = await _client.SendAsync(request);

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("GET", "/api/enhance-prompt", "POST")]
    [InlineData("PUT", "/api/generate-suggestions", "POST")]
    [InlineData("DELETE", "/api/auto-generate-prompt", "POST")]
    [InlineData("POST", "/api/catalog", "GET")]
    public async Task KnownApiRoute_WrongMethod_Returns405WithAllowHeader(string method, string path, string allowed)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));

        using var response = await _client.SendAsync(request);

        await response.AssertErrorAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        Assert.Contains(allowed, response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/api/health")]
    [InlineData("/api/health/ready")]
    [InlineData("/api/catalog")]
    [InlineData("/api/targets")]
    [InlineData("/api/nope")]
    public async Task AnyResponse_Always_CarriesRequestIdHeader(string path)
    {
        using var response = await _client.GetPathAsync(path);

        Assert.False(string.IsNullOrEmpty(response.Header(RequestContext.RequestIdHeader)));
    }

    [Fact]
    public async Task Request_PlainCallerRequestId_IsEchoedInHeaderAndErrorBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/nope", UriKind.Relative));
        request.Headers.Add(RequestContext.RequestIdHeader, "edge-7f3a.42");

        using var response = await _client.SendAsync(request);

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal("edge-7f3a.42", response.Header(RequestContext.RequestIdHeader));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("id with spaces")]
    public async Task Request_UnsafeCallerRequestId_IsReplaced(string incoming)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/health", UriKind.Relative));
        request.Headers.TryAddWithoutValidation(RequestContext.RequestIdHeader, incoming);

        using var response = await _client.SendAsync(request);

        var requestId = response.Header(RequestContext.RequestIdHeader);
        Assert.False(string.IsNullOrEmpty(requestId));
        Assert.NotEqual(incoming, requestId);
    }

    [Fact]
    public void NewRequestId_Always_HasTheShapeOfAW3CTraceparent()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => RequestContext.NewRequestId()).ToList();

        Assert.All(ids, id => Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-00$", id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task RequestIds_TwoRequests_Differ()
    {
        using var first = await _client.GetPathAsync("/api/nope");
        using var second = await _client.GetPathAsync("/api/nope");

        Assert.NotEqual(first.Header(RequestContext.RequestIdHeader), second.Header(RequestContext.RequestIdHeader));
    }
}
