using System.Buffers;
using SoraPromptGenie.Core.Engines;

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
