using System.Text.RegularExpressions;

namespace SoraPromptGenie.Ops.Sentry;

/// <summary>
/// Removes credentials and users' words from everything sent to Sentry: Authorization, Cookie, API-key and workspace-key
/// headers, cookies, request bodies, and any occurrence of the configured secrets (the LLM API key, the admin token, the
/// MCP token and workspace key), of a bearer token or OpenRouter-style key, of a share token in a share URL
/// (<c>/api/shared/{token}</c>, <c>/p/{token}</c>, which opens the prompt to anyone holding it) or of a library search
/// term (<c>q=</c>) in URLs, query strings, messages, exception values, transaction and span names, tags, extras and
/// breadcrumbs.
/// </summary>
public sealed partial class SentryScrubber
{
    public const string Redacted = "[redacted]";

    private static readonly HashSet<string> SensitiveHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "Api-Key", "X-Admin-Token", "X-Workspace-Key",
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

        sentryEvent.TransactionName = ScrubText(sentryEvent.TransactionName);
        ScrubRequest(sentryEvent.Request);
        ScrubTags(sentryEvent);
        ScrubExtra(sentryEvent);
        return sentryEvent;
    }

    public SentryTransaction Scrub(SentryTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);

        // A route that matched is named by its template ("GET /p/{Token}"); an unmatched one by its raw path.
        if (ScrubText(transaction.Name) is { } name && name != transaction.Name)
        {
            ((IEventLike)transaction).TransactionName = name;
        }

        transaction.Description = ScrubText(transaction.Description);
        ScrubRequest(transaction.Request);
        ScrubTags(transaction);
        ScrubExtra(transaction);
        ScrubData(transaction);
        foreach (var span in transaction.Spans)
        {
            span.Description = ScrubText(span.Description);
            ScrubTags(span);
            ScrubExtra(span);
            ScrubData(span);
        }

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
        text = ProviderKey().Replace(text, Redacted);
        text = ShareToken().Replace(text, "${route}" + Redacted);
        return SearchTerm().Replace(text, "${key}" + Redacted);
    }

    private void ScrubTags(IHasTags target)
    {
        foreach (var (key, value) in target.Tags.ToList())
        {
            if (ScrubText(value) is { } scrubbed && scrubbed != value)
            {
                target.SetTag(key, scrubbed);
            }
        }
    }

    private void ScrubExtra(IHasExtra target)
    {
        foreach (var (key, value) in target.Extra.ToList())
        {
            if (value is string text && ScrubText(text) is { } scrubbed && scrubbed != text)
            {
                target.SetExtra(key, scrubbed);
            }
        }
    }

    private void ScrubData(IHasData target)
    {
        foreach (var (key, value) in target.Data.ToList())
        {
            if (value is string text && ScrubText(text) is { } scrubbed && scrubbed != text)
            {
                target.SetData(key, scrubbed);
            }
        }
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

    /// <summary>
    /// The segment after <c>/api/shared/</c> or <c>/p/</c> at the start of a path: after a scheme and host, at the
    /// start of the text, or after a space, quote or <c>=</c> (a transaction name, a log message, a data value).
    /// Route templates (<c>{token}</c>) are left readable.
    /// </summary>
    [GeneratedRegex(@"(?<route>(?:^|(?<=[\s""'=(])|(?<=\b[a-z][a-z0-9+.-]*://[^/\s?#]+))(?:/api/shared/|/p/))(?!\{)[^/?#\s""'&)]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShareToken();

    /// <summary>The value of a <c>q</c> query parameter (the library's search), in a URL or a bare query string.</summary>
    [GeneratedRegex(@"(?<key>(?:^|(?<=[?&;]))q=)[^&#\s""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SearchTerm();
}
