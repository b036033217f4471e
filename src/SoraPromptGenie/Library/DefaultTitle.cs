using System.Globalization;
using System.Text;

namespace SoraPromptGenie.Library;

/// <summary>
/// The title a prompt saved without one gets: its first words, cut at a word so the library list stays readable, or
/// "Untitled prompt — date" when the text has no word to take (only punctuation or symbols).
/// </summary>
public static class DefaultTitle
{
    public const int MaxWords = 8;
    public const int MaxLength = 60;
    private const string Ellipsis = "…";

    /// <summary>The title for <paramref name="text"/>; <paramref name="untitled"/> and the date of <paramref name="now"/> when it has no word to take.</summary>
    public static string For(string text, DateTimeOffset now, string untitled = "Untitled prompt")
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var title = new StringBuilder();
        var taken = 0;
        foreach (var word in words)
        {
            if (taken == MaxWords || title.Length + word.Length + 1 > MaxLength)
            {
                break;
            }

            title.Append(title.Length == 0 ? string.Empty : " ").Append(word);
            taken++;
        }

        if (taken == 0 && words.Length > 0)
        {
            // A first "word" longer than the whole title (a URL, a run of letters): cut it.
            var end = MaxLength - 1;
            title.Append(words[0][..(char.IsHighSurrogate(words[0][end - 1]) ? end - 1 : end)]);
        }

        if (!title.ToString().Any(char.IsLetterOrDigit))
        {
            return untitled + " — " + now.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        }

        var cut = taken < words.Length;
        var result = title.ToString().TrimEnd(',', ';', ':', '—', '-');
        return cut ? result + Ellipsis : result.TrimEnd('.');
    }
}
