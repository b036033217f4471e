using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SoraPromptGenie.Core.Text;

/// <summary>
/// The characters no prompt carries: every C0 control but tab and line feed (so also a carriage return on its own), DEL,
/// the C1 controls, and the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). Pasted
/// into a terminal or shown in an editor they can run commands or make text read differently from what it is.
/// A CRLF line break is a line break, not a hazard: it is read as LF.
/// </summary>
public static partial class PromptCharacters
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(c => char.IsControl(c) && c is not '\t' and not '\n'))
        + "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    private static readonly Dictionary<char, string> Names = new()
    {
        ['\0'] = "NUL",
        ['\u0003'] = "Ctrl+C",
        ['\u0004'] = "Ctrl+D",
        ['\u0007'] = "BEL",
        ['\b'] = "backspace",
        ['\r'] = "carriage return",
        ['\u001A'] = "Ctrl+Z",
        ['\u001B'] = "ESC",
        ['\u007F'] = "DEL",
        ['\u202E'] = "right-to-left override",
        ['\u202D'] = "left-to-right override",
    };

    public static bool IsUnsafe(char c) => Unsafe.Contains(c);

    /// <summary>The index of the first unsafe character, or -1.</summary>
    public static int IndexOfUnsafe(ReadOnlySpan<char> text) => text.IndexOfAny(Unsafe);

    /// <summary>CRLF becomes LF; everything else is left for the caller to accept or refuse.</summary>
    public static string NormalizeLineBreaks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal) : text;
    }

    /// <summary>
    /// For text we did not write (a model's answer): CRLF and a lone CR become LF, terminal escape sequences are removed
    /// whole (so no <c>[31m</c> is left behind), then every other unsafe character is dropped.
    /// </summary>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IndexOfUnsafe(text) < 0)
        {
            return text;
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var withoutSequences = EscapeSequenceRegex().Replace(lines, string.Empty);
        if (IndexOfUnsafe(withoutSequences) < 0)
        {
            return withoutSequences;
        }

        var builder = new StringBuilder(withoutSequences.Length);
        foreach (var c in withoutSequences)
        {
            if (!IsUnsafe(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// For text someone sent (after <see cref="NormalizeLineBreaks"/>): null when it may be used, else the message naming
    /// <paramref name="field"/>, the first unsafe character and its position.
    /// </summary>
    public static string? Refusal(string field, string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var unsafeAt = IndexOfUnsafe(normalized);
        return unsafeAt < 0
            ? null
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{field} contains control character {Describe(normalized[unsafeAt])} at position {unsafeAt + 1}; remove it (tabs and line breaks are fine).");
    }

    /// <summary>How a message names the character: <c>U+001B (ESC)</c>.</summary>
    public static string Describe(char c) =>
        string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}") + (Names.TryGetValue(c, out var name) ? $" ({name})" : string.Empty);

    /// <summary>
    /// ANSI/ECMA-48 control sequences: CSI (<c>ESC [</c> or U+009B) with its parameters and final byte, and OSC
    /// (<c>ESC ]</c> or U+009D) up to its terminator, BEL or ST. An OSC without a terminator is left to the character filter,
    /// so it cannot swallow the text after it.
    /// </summary>
    [GeneratedRegex(@"(?:\u001B\[|\u009B)[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]|(?:\u001B\]|\u009D)[^\u0007\u001B\u009C\n]{0,512}(?:\u0007|\u001B\\|\u009C)")]
    private static partial Regex EscapeSequenceRegex();
}
