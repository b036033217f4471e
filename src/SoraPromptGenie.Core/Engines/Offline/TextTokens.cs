using System.Collections.Frozen;
using System.Text;

namespace SoraPromptGenie.Core.Engines.Offline;

/// <summary>Tokenising, stemming and sentence-casing helpers shared by the offline engine's parts.</summary>
internal static class TextTokens
{
    public static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as",
        "into", "onto", "over", "under", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that",
        "these", "those", "their", "them", "they", "he", "she", "his", "her", "him", "we", "you", "your", "our", "i",
        "me", "my", "so", "such", "than", "then", "there", "here", "while", "where", "when", "which", "who", "whom",
        "what", "all", "any", "each", "every", "no", "not", "only", "own", "same", "too", "very", "can", "will", "just",
        "up", "down", "out", "off", "about", "above", "below", "between", "through", "across", "behind", "beside",
        "after", "before", "again", "one", "s", "t", "has", "have", "had", "do", "does", "did", "if", "like", "more",
        "most", "some", "other", "itself", "themselves", "toward", "towards", "around", "within", "without", "along",
        "against", "almost", "also", "both", "until", "way", "still",
    ], StringComparer.Ordinal);

    /// <summary>Lower-case runs of letters and digits; everything else separates tokens.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else if (start >= 0)
            {
                tokens.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return tokens;
    }

    /// <summary>
    /// A deliberately light plural stemmer: enough to match "shadows" with "shadow" on both sides of a comparison,
    /// without the surprises of a full stemmer on cinematography vocabulary.
    /// </summary>
    public static string Stem(string token)
    {
        if (token.Length > 4 && token.EndsWith("ies", StringComparison.Ordinal))
        {
            return string.Concat(token.AsSpan(0, token.Length - 3), "y");
        }

        if (token.Length > 3 && token[^1] == 's' && token[^2] is not ('s' or 'u' or 'i'))
        {
            return token[..^1];
        }

        return token;
    }

    /// <summary>Distinct stems of the content words among <paramref name="tokens"/>.</summary>
    public static HashSet<string> ContentStems(IEnumerable<string> tokens)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            if (!StopWords.Contains(token))
            {
                stems.Add(Stem(token));
            }
        }

        return stems;
    }

    /// <summary>Whether <paramref name="phrase"/> occurs as a run of whole tokens in <paramref name="tokens"/>.</summary>
    public static bool ContainsSequence(IReadOnlyList<string> tokens, IReadOnlyList<string> phrase)
    {
        if (phrase.Count == 0)
        {
            return false;
        }

        for (var start = 0; start + phrase.Count <= tokens.Count; start++)
        {
            var matched = 0;
            while (matched < phrase.Count && string.Equals(tokens[start + matched], phrase[matched], StringComparison.Ordinal))
            {
                matched++;
            }

            if (matched == phrase.Count)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Collapses every run of whitespace (newlines included) into one space and trims.</summary>
    public static string CollapseWhitespace(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public static string UpperFirst(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1)) : text;

    /// <summary>Lower-cases the first letter unless the first word looks like an acronym ("POV", "LED").</summary>
    public static string LowerFirst(string text)
    {
        if (text.Length == 0 || !char.IsUpper(text[0]))
        {
            return text;
        }

        for (var i = 1; i < text.Length && !char.IsWhiteSpace(text[i]); i++)
        {
            if (char.IsUpper(text[i]))
            {
                return text;
            }
        }

        return string.Concat(char.ToLowerInvariant(text[0]).ToString(), text.AsSpan(1));
    }

    public static bool EndsSentence(string text) =>
        text.Length > 0 && text[^1] is '.' or '!' or '?' or '"' or '”' or '…';

    public static string EnsureSentenceEnd(string text) =>
        text.Length == 0 || EndsSentence(text) ? text : text + ".";

    /// <summary>Drops trailing sentence punctuation, for fragments placed inside a line ("Camera shot: ...").</summary>
    public static string TrimSentenceEnd(string text) => text.TrimEnd('.', '!', '?', ';', ',', ' ', '…');
}
