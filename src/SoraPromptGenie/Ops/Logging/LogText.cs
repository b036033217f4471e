using System.Buffers;
using System.Globalization;
using System.Text;

namespace SoraPromptGenie.Ops.Logging;

/// <summary>
/// Escapes the characters that let a value forge or disguise a text log line: C0 and C1 controls (line breaks, ANSI
/// escape sequences), DEL, the Unicode line and paragraph separators some viewers break lines on, and the bidirectional
/// overrides that make a line read differently from what it holds. They become <c>\n</c>, <c>\r</c>, <c>\t</c>,
/// <c>\xHH</c> or <c>\uHHHH</c>; everything else is kept as it is.
/// </summary>
public static class LogText
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(UnsafeCharacters());

    public static bool NeedsEscaping(ReadOnlySpan<char> value) => value.ContainsAny(Unsafe);

    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var first = value.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 16).Append(value, 0, first);
        foreach (var c in value.AsSpan(first))
        {
            if (!Unsafe.Contains(c))
            {
                escaped.Append(c);
                continue;
            }

            _ = c switch
            {
                '\n' => escaped.Append("\\n"),
                '\r' => escaped.Append("\\r"),
                '\t' => escaped.Append("\\t"),
                <= '\u00ff' => escaped.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)),
                _ => escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
            };
        }

        return escaped.ToString();
    }

    private static string UnsafeCharacters()
    {
        var characters = new StringBuilder();
        for (var c = '\u0000'; c <= '\u001f'; c++)
        {
            characters.Append(c);
        }

        for (var c = '\u007f'; c <= '\u009f'; c++)
        {
            characters.Append(c);
        }

        return characters.Append("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069").ToString();
    }
}
