using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SoraPromptGenie.Core.Text;

namespace SoraPromptGenie.Core.Engines.Llm;

/// <summary>
/// Reads suggestion cards out of a model's answer. Models are asked for a bare JSON array but answer with fences, prose
/// around the JSON, wrapper objects, trailing commas, other key names, duplicates, truncated arrays and numbered lists;
/// every usable card is kept and only an answer with none is an upstream error.
/// </summary>
public static partial class SuggestionParser
{
    public const int MaxTitleLength = 120;
    public const int MaxDescriptionLength = 500;
    public const string NoUsableSuggestionsMessage = "The language model returned no usable suggestions.";

    private const int MaxSlugLength = 60;

    private static readonly string[] TitleKeys = ["title", "name", "label", "heading"];
    private static readonly string[] DescriptionKeys = ["description", "details", "text", "desc", "explanation", "summary", "detail"];
    private static readonly string[] WrapperKeys = ["suggestions", "cards", "enhancements", "items", "results", "data"];

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// Parses at most <paramref name="count"/> suggestions with ids <c>{categoryId}/{slug-of-title}</c>.
    /// Throws <see cref="UpstreamException"/> (<see cref="UpstreamFailure.Error"/>) when nothing is usable.
    /// </summary>
    public static IReadOnlyList<Suggestion> Parse(string? modelOutput, string categoryId, int count)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(categoryId);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);

        var text = modelOutput ?? string.Empty;
        var candidates = ReadJsonCandidates(text);
        if (candidates.Count == 0)
        {
            candidates = ReadListLines(text);
        }

        var suggestions = new List<Suggestion>(Math.Min(count, candidates.Count));
        var seenTitles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (rawTitle, rawDescription) in candidates)
        {
            var title = Truncate(Tidy(rawTitle), MaxTitleLength);
            var description = Truncate(Tidy(rawDescription), MaxDescriptionLength);
            if (title.Length == 0 || description.Length == 0 || !seenTitles.Add(title))
            {
                continue;
            }

            suggestions.Add(new Suggestion(UniqueId(categoryId, title, seenIds), title, description, categoryId));
            if (suggestions.Count == count)
            {
                break;
            }
        }

        return suggestions.Count > 0
            ? suggestions
            : throw new UpstreamException(UpstreamFailure.Error, NoUsableSuggestionsMessage);
    }

    /// <summary>Every balanced JSON value in the text, in order; the first that yields cards wins.</summary>
    private static List<(string Title, string Description)> ReadJsonCandidates(string text)
    {
        var looseObjects = new List<(string, string)>();
        var index = 0;
        while (index < text.Length)
        {
            var start = text.IndexOfAny(['[', '{'], index);
            if (start < 0)
            {
                break;
            }

            var end = FindValueEnd(text, start);
            if (end < 0 || !TryParse(text.AsSpan(start, end - start + 1), out var document))
            {
                // Unbalanced (a cut-off answer) or not JSON: look inside it for complete objects instead.
                index = start + 1;
                continue;
            }

            using (document)
            {
                var root = document.RootElement;
                var items = FindItemArray(root, depth: 0) is { } array ? ReadArray(array) : [];
                if (items.Count > 0)
                {
                    return looseObjects.Count > 0 ? [.. looseObjects, .. items] : items;
                }

                if (root.ValueKind == JsonValueKind.Object && TryReadItem(root, out var single))
                {
                    // A lone object, or one of several objects written one after another.
                    looseObjects.Add(single);
                }
            }

            index = end + 1;
        }

        return looseObjects;
    }

    private static bool TryParse(ReadOnlySpan<char> json, out JsonDocument document)
    {
        try
        {
            document = JsonDocument.Parse(json.ToString(), JsonOptions);
            return true;
        }
        catch (JsonException)
        {
            document = null!;
            return false;
        }
    }

    /// <summary>The index of the bracket closing the value that opens at <paramref name="start"/>, or -1.</summary>
    private static int FindValueEnd(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '[' or '{':
                    depth++;
                    break;
                case ']' or '}':
                    depth--;
                    if (depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        return -1;
    }

    /// <summary>The array holding the cards: the root, a known wrapper property, or any single array property.</summary>
    private static JsonElement? FindItemArray(JsonElement element, int depth)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            return element;
        }

        if (element.ValueKind != JsonValueKind.Object || depth > 3)
        {
            return null;
        }

        foreach (var key in WrapperKeys)
        {
            if (TryGetProperty(element, key, out var value) && FindItemArray(value, depth + 1) is { } known)
            {
                return known;
            }
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Object
                && FindItemArray(property.Value, depth + 1) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private static List<(string, string)> ReadArray(JsonElement array)
    {
        var items = new List<(string, string)>();
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.Object && TryReadItem(element, out var item))
            {
                items.Add(item);
            }
            else if (element.ValueKind == JsonValueKind.String && SplitTitled(element.GetString()) is { } split)
            {
                items.Add(split);
            }
        }

        return items;
    }

    private static bool TryReadItem(JsonElement element, out (string Title, string Description) item)
    {
        var title = FirstString(element, TitleKeys);
        var description = FirstString(element, DescriptionKeys);
        item = (title ?? string.Empty, description ?? string.Empty);
        return title is not null && description is not null;
    }

    private static string? FirstString(JsonElement element, string[] keys)
    {
        foreach (var key in keys)
        {
            if (TryGetProperty(element, key, out var value) && value.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(value.GetString()))
            {
                return value.GetString();
            }
        }

        return null;
    }

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Last resort when the model ignored JSON: "1. **Title**: description" or "- Title - description" lines.</summary>
    private static List<(string, string)> ReadListLines(string text)
    {
        var items = new List<(string, string)>();
        foreach (Match match in ListLineRegex().Matches(text))
        {
            items.Add((match.Groups["title"].Value, match.Groups["description"].Value));
        }

        return items;
    }

    private static (string, string)? SplitTitled(string? value)
    {
        var match = value is null ? null : TitledStringRegex().Match(value);
        return match is { Success: true } ? (match.Groups["title"].Value, match.Groups["description"].Value) : null;
    }

    private static string Tidy(string value)
    {
        var collapsed = WhitespaceRegex().Replace(PromptCharacters.Strip(value), " ").Trim();
        return collapsed.Trim('*', '_', '"', '\u201C', '\u201D', '`', ' ').Trim();
    }

    private static string Truncate(string value, int maxLength)
    {
        if (value.Length <= maxLength)
        {
            return value;
        }

        var cut = value[..(maxLength - 1)];
        var lastSpace = cut.LastIndexOf(' ');
        if (lastSpace > maxLength * 3 / 4)
        {
            cut = cut[..lastSpace];
        }

        return cut.TrimEnd(' ', ',', ';', ':', '.', '-') + "\u2026";
    }

    private static string UniqueId(string categoryId, string title, HashSet<string> seenIds)
    {
        var slug = Slugify(title);
        var id = $"{categoryId}/{slug}";
        for (var n = 2; !seenIds.Add(id); n++)
        {
            id = string.Create(CultureInfo.InvariantCulture, $"{categoryId}/{slug}-{n}");
        }

        return id;
    }

    private static string Slugify(string title)
    {
        var builder = new StringBuilder(title.Length);
        var pendingDash = false;
        foreach (var c in title)
        {
            var folded = char.IsAsciiLetterOrDigit(c) ? c.ToString() : Fold(c);
            if (folded.Length > 0)
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(folded.ToLowerInvariant());
                pendingDash = false;
            }
            else
            {
                pendingDash = true;
            }
        }

        var slug = builder.Length > MaxSlugLength ? builder.ToString(0, MaxSlugLength).TrimEnd('-') : builder.ToString();
        return slug.Length > 0 ? slug : "suggestion";
    }

    /// <summary>
    /// Latin letters with accents as ASCII, so "Café Neón" slugs to "cafe-neon". A table rather than Unicode
    /// decomposition, which the invariant-globalization runtime does not perform.
    /// </summary>
    private static string Fold(char c)
    {
        const string Accented = "àáâãäåāăąçćčďèéêëēėęěìíîïīįñńňòóôõöøōőùúûüūůűųýÿźżžśšşřľłţť";
        const string Plain = "aaaaaaaaacccdeeeeeeeeiiiiiinnnoooooooouuuuuuuuyyzzzsssrlltt";
        var lower = char.ToLowerInvariant(c);
        var index = Accented.IndexOf(lower, StringComparison.Ordinal);
        return index >= 0 ? Plain[index].ToString() : lower switch
        {
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            'þ' => "th",
            'ð' => "d",
            _ => string.Empty,
        };
    }

    [GeneratedRegex(
        @"^[ \t]*(?:[-*\u2022]|\d+[.)])[ \t]+(?:\*\*)?(?<title>[^:*\n\u2013\u2014]{2,120}?)(?:\*\*)?[ \t]*(?::|\s[-\u2013\u2014])[ \t]*(?:\*\*)?[ \t]*(?<description>\S[^\n]*)$",
        RegexOptions.Multiline)]
    private static partial Regex ListLineRegex();

    [GeneratedRegex(@"^\s*(?<title>[^:\n\u2013\u2014]{2,120}?)\s*(?::|\s[-\u2013\u2014])\s*(?<description>\S.*)$", RegexOptions.Singleline)]
    private static partial Regex TitledStringRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}
