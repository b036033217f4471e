using System.Text.RegularExpressions;

namespace SoraPromptGenie.Ops.Sentry;

/// <summary>
/// Removes credentials from everything sent to Sentry: Authorization, Cookie and API-key headers, cookies, request
/// bodies, and any occurrence of the configured secrets (the LLM API key, the admin token) or of a bearer token or
/// OpenRouter-style key in messages, exception values, tags, extras and breadcrumbs.
/// </summary>
public sealed partial class SentryScrubber
{
    public const string Redacted = "[redacted]";

    private static readonly HashSet<string> SensitiveHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "Api-Key", "X-Admin-Token",
    };

    private readonly string[] _secrets;

    public SentryScrubber(IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);

        // Very short values would redact ordinary words; real keys and tokens are long.
        _secrets = [.. secrets.OfType<string>().Where(s => s.Length >= 8).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
    }

    public SentryEvent Scrub(SentryEvent sentryEvent)
    {
        ArgumentNullException.ThrowIfNull(sentryEvent);
        if (sentryEvent.Message is { } message)
        {
            message.Message = ScrubText(message.Message);
            message.Formatted = ScrubText(message.Formatted);
        }

        foreach (var exception in sentryEvent.SentryExceptions ?? [])
        {
            exception.Value = ScrubText(exception.Value);
        }

        ScrubRequest(sentryEvent.Request);
        foreach (var (key, value) in sentryEvent.Tags.ToList())
        {
            if (ScrubText(value) is { } scrubbed && scrubbed != value)
            {
                sentryEvent.SetTag(key, scrubbed);
            }
        }

        foreach (var (key, value) in sentryEvent.Extra.ToList())
        {
            if (value is string text && ScrubText(text) != text)
            {
                sentryEvent.SetExtra(key, ScrubText(text));
            }
        }

        return sentryEvent;
    }

    public SentryTransaction Scrub(SentryTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ScrubRequest(transaction.Request);
        return transaction;
    }

    public Breadcrumb Scrub(Breadcrumb breadcrumb)
    {
        ArgumentNullException.ThrowIfNull(breadcrumb);
        var message = ScrubText(breadcrumb.Message);
        var data = breadcrumb.Data?.ToDictionary(
            pair => pair.Key,
            pair => SensitiveHeaders.Contains(pair.Key) ? Redacted : ScrubText(pair.Value) ?? string.Empty,
            StringComparer.Ordinal);
        var changed = message != breadcrumb.Message
            || (breadcrumb.Data is { } original && data is not null && original.Any(pair => data[pair.Key] != pair.Value));
        return changed
            ? new Breadcrumb(message ?? string.Empty, breadcrumb.Type ?? "default", data, breadcrumb.Category, breadcrumb.Level)
            : breadcrumb;
    }

    public string? ScrubText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        text = BearerToken().Replace(text, "Bearer " + Redacted);
        return ProviderKey().Replace(text, Redacted);
    }

    private void ScrubRequest(SentryRequest? request)
    {
        if (request is null)
        {
            return;
        }

        foreach (var name in request.Headers.Keys.ToList())
        {
            if (SensitiveHeaders.Contains(name))
            {
                request.Headers.Remove(name);
            }
            else
            {
                request.Headers[name] = ScrubText(request.Headers[name]) ?? string.Empty;
            }
        }

        request.Cookies = null;

        // Request bodies hold users' prompts; they never leave the server.
        request.Data = null;
        request.QueryString = ScrubText(request.QueryString);
        request.Url = ScrubText(request.Url);
    }

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9._~+/=-]{8,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"\bsk-[A-Za-z0-9_-]{16,}", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderKey();
}
