using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using SoraPromptGenie.Core.Catalog;

namespace SoraPromptGenie.Core.Engines.Offline;

/// <summary>
/// Writes catalog cards into the prose of a shot from their phrases, and reads such sentences back. Each category has a
/// frame that makes its phrase a sentence ("Lit by {phrase}."); a camera angle and a camera move share one sentence, and
/// so do a light and a palette. The sentences follow the order a shot is read in: camera, timing and framing, time and
/// weather, light and palette, texture, mood, style. Every sentence the frames can make is known in advance, so a card
/// written into a text is found again by its exact sentence: that is what lets a card be swapped or taken out of the prose
/// while hand-written text stays as it is.
/// </summary>
internal sealed class ShotProse
{
    private static readonly ConditionalWeakTable<PromptCatalog, ShotProse> ByCatalog = [];

    private static readonly SentenceFrame[] Frames =
    [
        new("camera-angles", "Framed in {0}.", "camera-motion", "{0}.", "In {0}, {1}."),
        new("motion-timing", "{0}."),
        new("composition", "{0}."),
        new("depth-of-field", "Shot with {0}."),
        new("time-of-day", "{0}."),
        new("weather", "{0}."),
        new("lighting", "Lit by {0}.", "color-palette", "The palette is {0}.", "Lit by {0}, in a palette of {1}."),
        new("texture", "The image has {0}."),
        new("mood", "The mood is {0}."),
        new("style", "{0}."),
    ];

    /// <summary>A category without a frame of its own (a catalog grown since) writes its phrase as a sentence, last.</summary>
    private static readonly SentenceFrame UnframedCategory = new(string.Empty, "{0}.");

    private readonly FrozenDictionary<string, Enhancement[]> _cardsBySentence;
    private readonly FrozenDictionary<string, Enhancement> _cardsByPhrase;

    private ShotProse(PromptCatalog catalog)
    {
        var cards = catalog.Categories.SelectMany(c => c.Enhancements).Where(e => e.Phrase.Length > 0).ToList();
        _cardsByPhrase = cards.DistinctBy(c => c.Phrase, StringComparer.Ordinal).ToFrozenDictionary(c => c.Phrase, StringComparer.Ordinal);

        var bySentence = new Dictionary<string, Enhancement[]>(StringComparer.Ordinal);
        var byCategory = cards.ToLookup(c => c.Category, StringComparer.OrdinalIgnoreCase);
        foreach (var category in byCategory)
        {
            foreach (var card in category)
            {
                bySentence.TryAdd(Write([card]), [card]);
            }
        }

        foreach (var frame in Frames.Where(f => f.Partner is not null))
        {
            foreach (var first in byCategory[frame.Category])
            {
                foreach (var second in byCategory[frame.Partner!])
                {
                    bySentence.TryAdd(Write([first, second]), [first, second]);
                }
            }
        }

        _cardsBySentence = bySentence.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The reader and writer for <paramref name="catalog"/>, built once per catalog.</summary>
    public static ShotProse For(PromptCatalog catalog) => ByCatalog.GetValue(catalog, c => new ShotProse(c));

    /// <summary>Whether <paramref name="category"/> has a frame of its own (every category of the built-in catalog does).</summary>
    public static bool HasFrame(string category) => Frames.Any(f => f.Writes(category));

    /// <summary>
    /// The cards as sentences of a shot, in reading order; one card per category (the caller's document keeps it so).
    /// Cards without a phrase are not written.
    /// </summary>
    public static string Write(IEnumerable<Enhancement> cards)
    {
        var byCategory = new Dictionary<string, Enhancement>(StringComparer.OrdinalIgnoreCase);
        foreach (var card in cards)
        {
            if (card.Phrase.Length > 0)
            {
                byCategory[card.Category] = card;
            }
        }

        if (byCategory.Count == 0)
        {
            return string.Empty;
        }

        var sentences = new List<string>(byCategory.Count);
        foreach (var frame in Frames)
        {
            var first = byCategory.GetValueOrDefault(frame.Category);
            var second = frame.Partner is null ? null : byCategory.GetValueOrDefault(frame.Partner);
            if (frame.Write(first, second) is { } sentence)
            {
                sentences.Add(sentence);
            }
        }

        foreach (var (category, card) in byCategory.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!HasFrame(category))
            {
                sentences.Add(UnframedCategory.Write(card, null)!);
            }
        }

        return string.Join(' ', sentences);
    }

    /// <summary>The cards <paramref name="sentence"/> was written from, or null when it is not a sentence of cards.</summary>
    public IReadOnlyList<Enhancement>? Read(string sentence) =>
        _cardsBySentence.TryGetValue(sentence.Trim(), out var cards) ? cards : null;

    /// <summary>The card whose phrase is <paramref name="phrase"/>, if any.</summary>
    public Enhancement? CardWithPhrase(string phrase) => _cardsByPhrase.GetValueOrDefault(phrase.Trim());

    /// <summary>
    /// Splits <paramref name="line"/> into the cards written in it and the rest of its text, sentence by sentence; false
    /// when no sentence of the line is a sentence of cards.
    /// </summary>
    public bool TryTake(string line, out IReadOnlyList<Enhancement> cards, out string rest)
    {
        List<Enhancement>? found = null;
        var kept = new List<string>();
        foreach (var sentence in SentenceSplitter.Split(line))
        {
            if (Read(sentence) is { } written)
            {
                (found ??= []).AddRange(written);
            }
            else
            {
                kept.Add(sentence);
            }
        }

        cards = found ?? [];
        rest = found is null ? line : string.Join(' ', kept);
        return found is not null;
    }

    /// <summary>
    /// How a category's phrase becomes a sentence: <see cref="Alone"/> on its own, or with the phrase of its
    /// <see cref="Partner"/> category in <see cref="Together"/> ({0} the first phrase, {1} the partner's).
    /// </summary>
    private sealed record SentenceFrame(string Category, string Alone, string? Partner = null, string? PartnerAlone = null, string? Together = null)
    {
        public bool Writes(string category) =>
            string.Equals(Category, category, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Partner, category, StringComparison.OrdinalIgnoreCase);

        public string? Write(Enhancement? first, Enhancement? second)
        {
            var text = (first, second) switch
            {
                ({ } a, { } b) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Together!, a.Phrase, b.Phrase),
                ({ } a, null) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Alone, a.Phrase),
                (null, { } b) => string.Format(System.Globalization.CultureInfo.InvariantCulture, PartnerAlone!, b.Phrase),
                _ => null,
            };
            return text is null ? null : TextTokens.UpperFirst(text);
        }
    }
}
