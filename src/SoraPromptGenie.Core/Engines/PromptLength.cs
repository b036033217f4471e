using System.Globalization;

namespace SoraPromptGenie.Core.Engines;

/// <summary>
/// Keeps a result within the prompt limit, so that what one operation returns is always accepted by the next. A text over
/// the limit keeps everything up to its last sentence end or line break inside the limit; only a text with no such
/// boundary in the second half of the limit is cut at a word, and one without spaces at the limit itself.
/// </summary>
public static class PromptLength
{
    public const int DefaultMaxPromptChars = 10_000;

    private const string SentenceEnds = ".!?…";
    private const string ClosingMarks = "\"'”’)]»";

    /// <summary><paramref name="text"/> if it fits, else its longest prefix that ends at a boundary and fits.</summary>
    public static string Shorten(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxChars);
        if (text.Length <= maxChars)
        {
            return text;
        }

        var floor = maxChars / 2;
        for (var end = maxChars; end > floor; end--)
        {
            if (text[end] == '\n' || (char.IsWhiteSpace(text[end]) && EndsSentence(text, end)))
            {
                return text[..end].TrimEnd();
            }
        }

        for (var end = maxChars; end > floor; end--)
        {
            if (char.IsWhiteSpace(text[end]))
            {
                return text[..end].TrimEnd();
            }
        }

        var cut = maxChars > 0 && char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars;
        return text[..cut];
    }

    /// <summary>The note a response carries when its text was shortened to fit.</summary>
    public static string ShortenedWarning(int maxChars) => string.Create(
        CultureInfo.InvariantCulture,
        $"The result was longer than the {maxChars:N0}-character prompt limit, so it was shortened to end at the last whole sentence that fits.");

    /// <summary>The note a response carries when the offline engine left sentences out to make the result fit.</summary>
    public static string SentencesLeftOutWarning(int maxChars) => string.Create(
        CultureInfo.InvariantCulture,
        $"To keep the result within the {maxChars:N0}-character prompt limit, some of its last sentences were left out.");

    /// <summary>Whether the text before <paramref name="end"/> finishes a sentence, closing quotes or brackets included.</summary>
    private static bool EndsSentence(string text, int end)
    {
        var i = end - 1;
        while (i >= 0 && ClosingMarks.Contains(text[i], StringComparison.Ordinal))
        {
            i--;
        }

        return i >= 0 && SentenceEnds.Contains(text[i], StringComparison.Ordinal);
    }
}
