using System.Buffers;

namespace SoraPromptGenie.Core.Targets;

/// <summary>Quoting for POSIX shells (sh, bash, zsh), used to build copy-paste-safe commands.</summary>
internal static class ShellQuoting
{
    private static readonly SearchValues<char> BareSafe =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=,+%@");

    /// <summary>
    /// Wraps <paramref name="value"/> in single quotes, inside which a POSIX shell treats every character literally,
    /// newlines included. A single quote cannot appear inside them, so each one closes the quotes, adds an escaped
    /// quote and reopens them: <c>it's</c> becomes <c>'it'\''s'</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The value contains a NUL character, which no shell argument can carry.</exception>
    public static string SingleQuote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A shell argument cannot contain a NUL character.", nameof(value));
        }

        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>Leaves a word of only shell-inert characters as it is and single-quotes anything else.</summary>
    public static string QuoteIfNeeded(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && !value.AsSpan().ContainsAnyExcept(BareSafe) ? value : SingleQuote(value);
    }
}
