using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using SoraPromptGenie.Ops;

namespace SoraPromptGenie.Tests.Ops;

/// <summary>HTTP helpers for the API tests: JSON posts, body reading and the product's error-shape assertion.</summary>
internal static class ApiCalls
{
    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public static async Task<HttpResponseMessage> GetPathAsync(this HttpClient client, string path) =>
        await client.GetAsync(new Uri(path, UriKind.Relative));

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;

    /// <summary>
    /// Asserts the documented error body <c>{error, code, requestId}</c> (and nothing else), JSON content type, and that
    /// the request id is the one in the X-Request-Id header. Returns the message.
    /// </summary>
    public static async Task<string> AssertErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var body = document.RootElement;
        Assert.Equal(["code", "error", "requestId"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(code, body.GetProperty("code").GetString());
        var requestId = body.GetProperty("requestId").GetString();
        Assert.False(string.IsNullOrEmpty(requestId));
        Assert.Equal(response.Header(RequestContext.RequestIdHeader), requestId);
        var message = body.GetProperty("error").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message!;
    }

    /// <summary>
    /// Sends a request through the test server with a chosen connection address, which HttpClient cannot set (the test
    /// server leaves it null otherwise), and any <paramref name="headers"/> besides.
    /// </summary>
    public static async Task<TestServerResponse> SendFromAsync(
        this TestServer server,
        IPAddress? remoteAddress,
        string method,
        string path,
        string? forwardedFor = null,
        string? json = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var context = await server.SendAsync(http =>
        {
            http.Connection.RemoteIpAddress = remoteAddress;
            http.Request.Method = method;
            http.Request.Path = path;
            if (forwardedFor is not null)
            {
                http.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }

            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                http.Request.Headers[name] = value;
            }

            if (json is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(json);
                http.Request.ContentType = "application/json";
                http.Request.ContentLength = bytes.Length;
                http.Request.Body = new MemoryStream(bytes);

                // The test server only reports a body for requests that came through its HttpClient handler.
                http.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
            }
        });

        using var reader = new StreamReader(context.Response.Body);
        var body = await reader.ReadToEndAsync();
        return new TestServerResponse(context.Response.StatusCode, context.Response.Headers, body);
    }
}

internal sealed class HasBody : IHttpRequestBodyDetectionFeature
{
    public bool CanHaveBody => true;
}

internal sealed record TestServerResponse(int StatusCode, IHeaderDictionary Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value.ToString() : null;

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }
}
