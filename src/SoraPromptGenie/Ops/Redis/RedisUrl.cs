using System.Globalization;
using StackExchange.Redis;

namespace SoraPromptGenie.Ops.Redis;

/// <summary>
/// Parses <c>REDIS_URL</c> (<c>redis://[[user]:password@]host[:port][/db]</c>, or <c>rediss://</c> for TLS) into client
/// options tuned for a dependency the API must survive losing: no abort when it is down at start, short timeouts, and
/// commands that fail at once while disconnected instead of queueing behind a reconnect.
/// </summary>
public static class RedisUrl
{
    public const int DefaultPort = 6379;

    public static bool TryParse(string? url, out ConfigurationOptions options)
    {
        options = new ConfigurationOptions();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != "redis" && uri.Scheme != "rediss")
            || string.IsNullOrEmpty(uri.Host)
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment))
        {
            return false;
        }

        var database = 0;
        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0 && (!int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out database) || database > 15))
        {
            return false;
        }

        options.EndPoints.Add(uri.IdnHost, uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port);
        options.DefaultDatabase = database;
        options.Ssl = uri.Scheme == "rediss";
        if (uri.UserInfo.Length > 0)
        {
            var separator = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Uri.UnescapeDataString(separator < 0 ? uri.UserInfo : uri.UserInfo[..separator]);
            var password = separator < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(separator + 1)..]);

            // redis://secret@host is the common shorthand for a password without a user name.
            (options.User, options.Password) = password is null ? (null, user) : (user.Length > 0 ? user : null, password);
        }

        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2_000;
        options.SyncTimeout = 1_000;
        options.AsyncTimeout = 1_000;
        options.ConnectRetry = 1;
        options.KeepAlive = 5;
        options.ReconnectRetryPolicy = new LinearRetry(1_000);
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName = "sora-prompt-genie";
        return true;
    }
}
