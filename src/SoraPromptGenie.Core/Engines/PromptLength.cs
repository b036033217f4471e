using System.Globalization;
using SoraPromptGenie.Core.Targets;

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

    /// <summary>
    /// <paramref name="text"/> if it is within <paramref name="limit"/> in the limit's own unit, else its longest prefix
    /// that ends at a boundary (as <see cref="Shorten(string, int)"/> finds them) and fits.
    /// </summary>
    public static string Shorten(string text, TargetPromptLimit limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(limit);
        return limit.Fits(text) ? text : Shorten(text, LongestPrefixWithin(text, limit.Max, limit.Unit));
    }

    /// <summary>
    /// The length of the longest prefix of <paramref name="text"/> that measures at most <paramref name="max"/> in
    /// <paramref name="unit"/> (see <see cref="PromptLimitUnit.Measure"/>).
    /// </summary>
    public static int LongestPrefixWithin(string text, int max, string unit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return unit switch
        {
            PromptLimitUnit.Utf16Units => Math.Min(max, text.Length),
            PromptLimitUnit.Tokens => RunePrefix(text, (long)max * PromptLimitUnit.CharactersPerToken),
            PromptLimitUnit.Words => WordPrefix(text, max),
            _ => RunePrefix(text, max),
        };
    }

    /// <summary>The note a response carries when its text was shortened to fit.</summary>
    public static string ShortenedWarning(int maxChars) => string.Create(
        CultureInfo.InvariantCulture,
        $"The result was longer than the {maxChars:N0}-character prompt limit, so it was shortened to end at the last whole sentence that fits.");

    /// <summary>The note a response carries when the offline engine left sentences out to make the result fit.</summary>
    public static string SentencesLeftOutWarning(int maxChars) => string.Create(
        CultureInfo.InvariantCulture,
        $"To keep the result within the {maxChars:N0}-character prompt limit, some of its last sentences were left out.");

    /// <summary>The note a response carries when the offline engine left sentences out to fit the target's prompt limit.</summary>
    public static string TargetSentencesLeftOutWarning(string targetName, TargetPromptLimit limit) => string.Create(
        CultureInfo.InvariantCulture,
        $"To keep the result within {targetName}'s prompt limit of {LimitText(limit)}, some of its last sentences were left out.");

    /// <summary>The note a response carries when the model's answer was still over the target's limit after it was asked to shorten it.</summary>
    public static string TargetShortenedWarning(string targetName, TargetPromptLimit limit) => string.Create(
        CultureInfo.InvariantCulture,
        $"The model's answer was longer than {targetName}'s prompt limit of {LimitText(limit)}, even after it was asked to shorten it, so it was cut to end at the last whole sentence that fits.");

    /// <summary>A limit as a sentence says it: <c>1,000 UTF-16 code units</c>.</summary>
    public static string LimitText(TargetPromptLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        return string.Create(CultureInfo.InvariantCulture, $"{limit.Max:N0} {PromptLimitUnit.Name(limit.Unit)}");
    }

    private static int RunePrefix(string text, long runes)
    {
        var index = 0;
        for (long counted = 0; counted < runes && index < text.Length; counted++)
        {
            index += char.IsSurrogatePair(text, index) ? 2 : 1;
        }

        return index;
    }

    /// <summary>The index just after the <paramref name="words"/>-th word (0 when no word may stay).</summary>
    private static int WordPrefix(string text, int words)
    {
        var counted = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && ++counted == words)
            {
                return i + 1;
            }
        }

        return words == 0 ? 0 : text.Length;
    }

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
