using System.Collections.Frozen;

namespace SoraPromptGenie.Core.Engines.Offline;

/// <summary>
/// Splits prose into sentences at . ! ? and …, keeping quoted speech whole (<c>She says, "Stay. Please."</c> is one
/// sentence) and not splitting after common abbreviations or inside numbers such as <c>f/1.8</c>.
/// </summary>
internal static class SentenceSplitter
{
    private static readonly FrozenSet<string> Abbreviations = WordForms.Words(
        "mr", "mrs", "ms", "dr", "st", "vs", "etc", "e.g", "i.e", "approx", "jr", "sr", "prof", "mt");

    public static List<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        var inQuote = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '“' or '”')
            {
                var closes = c == '”' || (c == '"' && inQuote);
                inQuote = !closes;
                if (closes && i > 0 && IsTerminal(text[i - 1]) && StartsNewSentence(text, i + 1))
                {
                    Add(sentences, text, start, i + 1);
                    start = i + 1;
                }

                continue;
            }

            if (!inQuote && IsTerminal(c) && !IsAbbreviation(text, i) && StartsNewSentence(text, i + 1)
                && !(IsEllipsis(text, i) && ContinuesInLowerCase(text, i + 1)))
            {
                var end = i + 1;
                while (end < text.Length && text[end] is ')' or '\'' or '’')
                {
                    end++;
                }

                Add(sentences, text, start, end);
                start = end;
                i = end - 1;
            }
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool IsTerminal(char c) => c is '.' or '!' or '?' or '…';

    /// <summary>True at the end of the text or when whitespace follows (after any run of terminal punctuation).</summary>
    private static bool StartsNewSentence(string text, int index)
    {
        if (index < text.Length && IsTerminal(text[index]))
        {
            return false;
        }

        return index >= text.Length || char.IsWhiteSpace(text[index]) || text[index] is ')' or '\'' or '’';
    }

    private static bool IsEllipsis(string text, int index) => text[index] == '…' || (index > 0 && text[index - 1] == '.');

    /// <summary>An ellipsis followed by a lower-case word ("Ames... then silence") is a pause, not a sentence end.</summary>
    private static bool ContinuesInLowerCase(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index < text.Length && char.IsLower(text[index]);
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        if (text[dot] != '.')
        {
            return false;
        }

        var start = dot;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }

        return start < dot && Abbreviations.Contains(text[start..dot].ToLowerInvariant());
    }

    private static void Add(List<string> sentences, string text, int start, int end)
    {
        var sentence = text[start..end].Trim();
        if (sentence.Length > 0)
        {
            sentences.Add(sentence);
        }
    }
}
