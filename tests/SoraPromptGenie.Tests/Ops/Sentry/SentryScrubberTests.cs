using Sentry.Extensibility;
using Sentry.Protocol;
using SoraPromptGenie.Ops.Sentry;

namespace SoraPromptGenie.Tests.Ops.Sentry;

public sealed class SentryScrubberTests
{
    private const string ApiKey = "sk-or-v1-abcdef0123456789abcdef";
    private const string AdminToken = "admin-token-5f4dcc3b5aa765d61d83";

    private readonly SentryScrubber _scrubber = new([ApiKey, AdminToken, null, "short"]);

    [Fact]
    public void Scrub_EventWithSecretsEverywhere_RemovesThem()
    {
        var sentryEvent = new SentryEvent(new InvalidOperationException($"upstream said key {ApiKey} is bad"))
        {
            Message = new SentryMessage { Message = $"token {AdminToken}", Formatted = $"token {AdminToken}" },
        };
        sentryEvent.SentryExceptions = [new SentryException { Type = "InvalidOperationException", Value = $"upstream said key {ApiKey} is bad" }];
        sentryEvent.Request.Headers["Authorization"] = $"Bearer {ApiKey}";
        sentryEvent.Request.Headers["Cookie"] = "session=abc";
        sentryEvent.Request.Headers["X-Api-Key"] = ApiKey;
        sentryEvent.Request.Headers["X-Workspace-Key"] = "workspace-key-of-an-mcp-client";
        sentryEvent.Request.Headers["User-Agent"] = "curl/8";
        sentryEvent.Request.Cookies = "session=abc";
        sentryEvent.Request.Data = "{\"basicPrompt\":\"private idea\"}";
        sentryEvent.SetExtra("note", $"Bearer {AdminToken}");
        sentryEvent.SetTag("upstream", $"key={ApiKey}");

        var scrubbed = _scrubber.Scrub(sentryEvent);

        Assert.DoesNotContain("Authorization", scrubbed.Request.Headers.Keys);
        Assert.DoesNotContain("Cookie", scrubbed.Request.Headers.Keys);
        Assert.DoesNotContain("X-Api-Key", scrubbed.Request.Headers.Keys);
        Assert.DoesNotContain("X-Workspace-Key", scrubbed.Request.Headers.Keys);
        Assert.Equal("curl/8", scrubbed.Request.Headers["User-Agent"]);
        Assert.Null(scrubbed.Request.Cookies);
        Assert.Null(scrubbed.Request.Data);
        Assert.Equal($"token {SentryScrubber.Redacted}", scrubbed.Message!.Formatted);
        Assert.Equal($"upstream said key {SentryScrubber.Redacted} is bad", Assert.Single(scrubbed.SentryExceptions!).Value);
        Assert.DoesNotContain(AdminToken, (string)scrubbed.Extra["note"]!, StringComparison.Ordinal);
        Assert.Equal($"key={SentryScrubber.Redacted}", scrubbed.Tags["upstream"]);
    }

    [Fact]
    public void Scrub_BreadcrumbWithKeyInMessageAndData_ReturnsCleanCopy()
    {
        var breadcrumb = new Breadcrumb($"calling with {ApiKey}", "http", new Dictionary<string, string> { ["Authorization"] = "Bearer x", ["url"] = "/v1/chat" }, "http", BreadcrumbLevel.Info);

        var scrubbed = _scrubber.Scrub(breadcrumb);

        Assert.Equal($"calling with {SentryScrubber.Redacted}", scrubbed.Message);
        Assert.Equal(SentryScrubber.Redacted, scrubbed.Data!["Authorization"]);
        Assert.Equal("/v1/chat", scrubbed.Data["url"]);
        Assert.Equal("http", scrubbed.Category);
    }

    [Theory]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload", "Authorization: Bearer [redacted]")]
    [InlineData("key sk-proj-AAAAAAAAAAAAAAAAAAAA end", "key [redacted] end")]
    [InlineData("short secret stays", "short secret stays")]
    [InlineData("nothing to hide", "nothing to hide")]
    public void ScrubText_KnownPatterns_AreRedacted(string input, string expected)
    {
        var scrubbed = _scrubber.ScrubText(input);

        Assert.Equal(expected, scrubbed);
    }

    [Theory]
    [InlineData("https://sora.example.com/api/shared/Zq8vK2mN4pR7", "https://sora.example.com/api/shared/[redacted]")]
    [InlineData("http://localhost:5000/p/Zq8vK2mN4pR7?utm=x", "http://localhost:5000/p/[redacted]?utm=x")]
    [InlineData("GET /p/Zq8vK2mN4pR7", "GET /p/[redacted]")]
    [InlineData("/api/shared/Zq8vK2mN4pR7/extra", "/api/shared/[redacted]/extra")]
    [InlineData("share link '/p/Zq8vK2mN4pR7' revoked", "share link '/p/[redacted]' revoked")]
    [InlineData("url=/api/shared/Zq8vK2mN4pR7", "url=/api/shared/[redacted]")]
    [InlineData("GET /api/shared/{token}", "GET /api/shared/{token}")]
    [InlineData("GET /p/{Token}", "GET /p/{Token}")]
    [InlineData("/static/p/logo.png", "/static/p/logo.png")]
    [InlineData("?q=fox%20in%20snow&page=2", "?q=[redacted]&page=2")]
    [InlineData("q=fox", "q=[redacted]")]
    [InlineData("https://sora.example.com/api/prompts?page=1&Q=secret+idea", "https://sora.example.com/api/prompts?page=1&Q=[redacted]")]
    [InlineData("freq=3&seq=4", "freq=3&seq=4")]
    public void ScrubText_ShareTokensAndSearchTerms_AreRedacted(string input, string expected)
    {
        var scrubbed = _scrubber.ScrubText(input);

        Assert.Equal(expected, scrubbed);
    }

    [Fact]
    public void Scrub_EventOnShareRequestWithSearch_RemovesTokenAndTermEverywhere()
    {
        const string token = "Zq8vK2mN4pR7";
        const string term = "my+secret+idea";
        var sentryEvent = new SentryEvent(new InvalidOperationException($"loading /p/{token} failed"))
        {
            Message = new SentryMessage { Message = $"GET /api/shared/{token}", Formatted = $"GET /api/shared/{token}" },
            TransactionName = $"GET /api/shared/{token}",
        };
        sentryEvent.SentryExceptions = [new SentryException { Type = "InvalidOperationException", Value = $"loading /p/{token} failed" }];
        sentryEvent.Request.Url = $"https://sora.example.com/p/{token}";
        sentryEvent.Request.QueryString = $"?q={term}";
        sentryEvent.Request.Headers["Referer"] = $"https://sora.example.com/api/prompts?q={term}";
        sentryEvent.SetTag("url", $"https://sora.example.com/api/shared/{token}");
        sentryEvent.SetExtra("path", $"/p/{token}");

        var scrubbed = _scrubber.Scrub(sentryEvent);
        var sent = Serialize(scrubbed);

        Assert.DoesNotContain(token, sent, StringComparison.Ordinal);
        Assert.DoesNotContain(term, sent, StringComparison.Ordinal);
        Assert.Equal("https://sora.example.com/p/[redacted]", scrubbed.Request.Url);
        Assert.Equal("?q=[redacted]", scrubbed.Request.QueryString);
        Assert.Equal("GET /api/shared/[redacted]", scrubbed.TransactionName);
    }

    [Fact]
    public void Scrub_TransactionOfUnmatchedShareRequest_RemovesTokenFromNameRequestAndSpans()
    {
        const string token = "Zq8vK2mN4pR7";
        var tracer = new TransactionTracer(HubAdapter.Instance, new TransactionContext($"GET /api/shared/{token}/x", "http.server", isSampled: true));
        tracer.SetTag("http.url", $"/api/shared/{token}/x?q=fox");
        var span = tracer.StartChild("http.client", $"GET https://sora.example.com/p/{token}?q=fox");
        span.SetData("url", $"https://sora.example.com/p/{token}");
        span.Finish();

        // Finishing the tracer would hand it to the (disabled) hub, which drops its spans.
        var transaction = new SentryTransaction(tracer) { Request = new SentryRequest { Url = $"http://localhost/api/shared/{token}/x", QueryString = "q=fox" } };

        var scrubbed = _scrubber.Scrub(transaction);
        var sent = Serialize(scrubbed);

        Assert.DoesNotContain(token, sent, StringComparison.Ordinal);
        Assert.DoesNotContain("q=fox", sent, StringComparison.Ordinal);
        Assert.Equal("GET /api/shared/[redacted]/x", scrubbed.Name);
        Assert.Equal("GET https://sora.example.com/p/[redacted]?q=[redacted]", Assert.Single(scrubbed.Spans).Description);
    }

    [Fact]
    public void Scrub_HttpBreadcrumbWithShareUrl_ReturnsCopyWithoutToken()
    {
        var breadcrumb = new Breadcrumb(
            "GET /p/Zq8vK2mN4pR7 404",
            "http",
            new Dictionary<string, string> { ["url"] = "https://sora.example.com/api/shared/Zq8vK2mN4pR7?q=fox", ["method"] = "GET" },
            "http",
            BreadcrumbLevel.Info);

        var scrubbed = _scrubber.Scrub(breadcrumb);

        Assert.Equal("GET /p/[redacted] 404", scrubbed.Message);
        Assert.Equal("https://sora.example.com/api/shared/[redacted]?q=[redacted]", scrubbed.Data!["url"]);
        Assert.Equal("GET", scrubbed.Data["method"]);
    }

    [Fact]
    public void Scrub_CleanBreadcrumb_ReturnsSameInstance()
    {
        var breadcrumb = new Breadcrumb("GET /api/catalog 200", "default");

        var scrubbed = _scrubber.Scrub(breadcrumb);

        Assert.Same(breadcrumb, scrubbed);
    }

    private static string Serialize(ISentryJsonSerializable value)
    {
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            value.WriteTo(writer, logger: null);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
