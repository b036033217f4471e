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
        sentryEvent.Request.Headers["User-Agent"] = "curl/8";
        sentryEvent.Request.Cookies = "session=abc";
        sentryEvent.Request.Data = "{\"basicPrompt\":\"private idea\"}";
        sentryEvent.SetExtra("note", $"Bearer {AdminToken}");
        sentryEvent.SetTag("upstream", $"key={ApiKey}");

        var scrubbed = _scrubber.Scrub(sentryEvent);

        Assert.DoesNotContain("Authorization", scrubbed.Request.Headers.Keys);
        Assert.DoesNotContain("Cookie", scrubbed.Request.Headers.Keys);
        Assert.DoesNotContain("X-Api-Key", scrubbed.Request.Headers.Keys);
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

    [Fact]
    public void Scrub_CleanBreadcrumb_ReturnsSameInstance()
    {
        var breadcrumb = new Breadcrumb("GET /api/catalog 200", "default");

        var scrubbed = _scrubber.Scrub(breadcrumb);

        Assert.Same(breadcrumb, scrubbed);
    }
}
