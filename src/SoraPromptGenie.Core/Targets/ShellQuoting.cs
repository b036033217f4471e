using System.Buffers;
using SoraPromptGenie.Core.Text;

namespace SoraPromptGenie.Core.Targets;

/// <summary>Quoting for POSIX shells (sh, bash, zsh), used to build copy-paste-safe commands.</summary>
internal static class ShellQuoting
{
    private static readonly SearchValues<char> BareSafe =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=,+%@");

    /// <summary>What a shell (bash with history expansion included) still interprets inside double quotes.</summary>
    private static readonly SearchValues<char> DoubleQuoteActive = SearchValues.Create("\"$`\\!");

    /// <summary>
    /// Wraps <paramref name="value"/> in single quotes, inside which a POSIX shell treats every character literally,
    /// newlines included. A single quote cannot appear inside them, so each one closes the quotes, adds an escaped
    /// quote and reopens them: <c>it's</c> becomes <c>'it'\''s'</c>.
    /// </summary>
    /// <exception cref="UnsafeShellTextException">
    /// The value holds a control character other than tab and newline, or a bidirectional override. The shell would
    /// keep it literal, but the terminal it is pasted into would not: ^C ends the quoted command and runs what follows,
    /// ESC and CR redraw the line, and an override shows the command in another order than it runs.
    /// </exception>
    public static string SingleQuote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (PromptCharacters.IndexOfUnsafe(value) is var unsafeAt and >= 0)
        {
            throw new UnsafeShellTextException(value[unsafeAt]);
        }

        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>
    /// Quotes a text holding <c>{VARIABLE}</c> placeholders so that the shell reads each placeholder from the environment
    /// and every other character literally: <c>https://{REGION}.example/v1</c> becomes <c>"https://${REGION}.example/v1"</c>
    /// when the rest is inert inside double quotes, else single-quoted runs joined to <c>"${REGION}"</c>. A text without
    /// placeholders is quoted as by <see cref="QuoteIfNeeded"/>.
    /// </summary>
    /// <exception cref="UnsafeShellTextException">The text holds a control character (<see cref="SingleQuote"/>).</exception>
    public static string WithVariables(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var placeholders = TargetProfileRules.UrlPlaceholderPattern.Matches(template);
        if (placeholders.Count == 0)
        {
            return QuoteIfNeeded(template);
        }

        if (PromptCharacters.IndexOfUnsafe(template) is var unsafeAt and >= 0)
        {
            throw new UnsafeShellTextException(template[unsafeAt]);
        }

        var literal = TargetProfileRules.UrlPlaceholderPattern.Split(template);
        if (!literal.Any(part => part.AsSpan().ContainsAny(DoubleQuoteActive)))
        {
            return "\"" + TargetProfileRules.UrlPlaceholderPattern.Replace(template, m => "$" + m.Value) + "\"";
        }

        var word = new System.Text.StringBuilder();
        var at = 0;
        foreach (System.Text.RegularExpressions.Match placeholder in placeholders)
        {
            if (placeholder.Index > at)
            {
                word.Append(SingleQuote(template[at..placeholder.Index]));
            }

            word.Append("\"$").Append(placeholder.Value).Append('"');
            at = placeholder.Index + placeholder.Length;
        }

        if (at < template.Length)
        {
            word.Append(SingleQuote(template[at..]));
        }

        return word.ToString();
    }

    /// <summary>Leaves a word of only shell-inert characters as it is and single-quotes anything else.</summary>
    public static string QuoteIfNeeded(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && !value.AsSpan().ContainsAnyExcept(BareSafe) ? value : SingleQuote(value);
    }
}

/// <summary>A value for a shell command holds a character a terminal would act on; the command is not built.</summary>
public sealed class UnsafeShellTextException : ArgumentException
{
    public UnsafeShellTextException(char character)
        : base($"A shell command cannot carry control character {PromptCharacters.Describe(character)}.")
    {
        Character = character;
    }

    public UnsafeShellTextException()
        : base("A shell command cannot carry control characters.")
    {
    }

    public UnsafeShellTextException(string message)
        : base(message)
    {
    }

    public UnsafeShellTextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public char? Character { get; }
}
