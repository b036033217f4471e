using System.Data.Common;
using Npgsql;

namespace SoraPromptGenie.Data;

/// <summary>
/// Turns <c>DATABASE_URL</c> into an Npgsql connection string. Accepts <c>postgres://</c> and <c>postgresql://</c> URIs
/// (URL-escaped user and password, IPv6 hosts in brackets, optional port, <c>sslmode</c> and other libpq query
/// options) and Npgsql keyword strings. Error messages never contain the value, so they cannot leak the password.
/// </summary>
public static class DatabaseUrl
{
    public const int DefaultPort = 5432;
    public const int DefaultConnectTimeoutSeconds = 3;
    public const int DefaultCommandTimeoutSeconds = 10;

    /// <summary>libpq query options whose Npgsql keyword differs from the name with underscores as spaces.</summary>
    private static readonly Dictionary<string, string> LibpqAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["target_session_attrs"] = "Target Session Attributes",
        ["options"] = "Options",
        ["channel_binding"] = "Channel Binding",
        ["keepalives_idle"] = "Keepalive",
    };

    /// <summary>Parses and adds the product's defaults (pooling on, a 3 s connect timeout, a 10 s command timeout).</summary>
    /// <exception cref="FormatException">With a message fit for an operator, without the value.</exception>
    public static string ToConnectionString(string value)
    {
        var builder = Parse(value);
        builder.Pooling = true;
        if (!Has(builder, "Timeout"))
        {
            builder.Timeout = DefaultConnectTimeoutSeconds;
        }

        if (!Has(builder, "Command Timeout"))
        {
            builder.CommandTimeout = DefaultCommandTimeoutSeconds;
        }

        return builder.ConnectionString;
    }

    public static NpgsqlConnectionStringBuilder Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            throw new FormatException("is empty.");
        }

        if (trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return ParseUri(trimmed);
        }

        if (trimmed.Contains("://", StringComparison.Ordinal))
        {
            throw new FormatException("must start with postgres:// or postgresql:// (or be an Npgsql keyword string such as Host=...;Database=...).");
        }

        return ParseKeywords(trimmed);
    }

    private static NpgsqlConnectionStringBuilder ParseKeywords(string value)
    {
        if (!value.Contains('=', StringComparison.Ordinal))
        {
            throw new FormatException("is neither a postgres:// URI nor an Npgsql keyword string (Host=...;Database=...).");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException)
        {
            throw new FormatException("is not a valid Npgsql keyword string (an unknown keyword or a malformed pair).");
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new FormatException("names no Host.");
        }

        return builder;
    }

    private static NpgsqlConnectionStringBuilder ParseUri(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException("is not a valid URI (escape special characters of the password, for example @ as %40).");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            // DnsSafeHost drops the brackets of an IPv6 literal, which Npgsql wants bare.
            Host = uri.DnsSafeHost,
            Port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port,
        };

        if (uri.UserInfo.Length > 0)
        {
            var separator = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var user = separator < 0 ? uri.UserInfo : uri.UserInfo[..separator];
            builder.Username = Uri.UnescapeDataString(user);
            if (separator >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(separator + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Contains('/', StringComparison.Ordinal))
        {
            throw new FormatException("has a path with more than one segment; the path is the database name.");
        }

        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var (key, optionValue) in QueryPairs(uri.Query))
        {
            var keyword = LibpqAliases.TryGetValue(key, out var alias) ? alias : key.Replace('_', ' ');
            try
            {
                // libpq spells SSL modes verify-full / verify-ca; Npgsql's enum is VerifyFull / VerifyCA.
                builder[keyword] = keyword == "SSL Mode" ? optionValue.Replace("-", string.Empty, StringComparison.Ordinal) : optionValue;
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
            {
                throw new FormatException($"has an unsupported or invalid query option '{key}'.");
            }
        }

        return builder;
    }

    private static IEnumerable<(string Key, string Value)> QueryPairs(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            yield return (key, value);
        }
    }

    /// <summary>Whether the keyword was given explicitly; Npgsql's builder reports defaults for unset keywords.</summary>
    private static bool Has(NpgsqlConnectionStringBuilder builder, string keyword) =>
        new DbConnectionStringBuilder { ConnectionString = builder.ConnectionString }.ContainsKey(keyword);
}
