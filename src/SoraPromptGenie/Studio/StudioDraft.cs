using System.Text.Encodings.Web;
using System.Text.Json;
using SoraPromptGenie.Prompting;

namespace SoraPromptGenie.Studio;

/// <summary>
/// The editor's state kept in the browser's localStorage between page loads: the text on screen and the history with
/// the cards applied at each step (the applied cards are the current entry's). What comes back from the browser is
/// treated as untrusted: anything malformed, too large or breaking the one-card-per-category rule is refused as a whole.
/// <see cref="History"/> may be empty: only the text was stored (the page keeps typed text itself), and the history
/// starts afresh.
/// </summary>
public sealed record StudioDraft(string Text, IReadOnlyList<HistoryEntry> History, int CurrentIndex)
{
    /// <summary>The localStorage key; a new layout gets a new version, and an old draft is then simply not found.</summary>
    public const string StorageKey = "spg.draft.v1";

    /// <summary>Budget of the stored JSON in characters; the oldest history entries go first to stay within it.</summary>
    public const int MaxChars = 200_000;

    /// <summary>The most a stored draft is read: the budget in UTF-8 plus a prompt written by the page on its own.</summary>
    public const long MaxBytes = (MaxChars + PromptLimits.MaxPromptChars) * 3L;

    private const int MaxLabelChars = 300;
    private const int MaxCardIdChars = 200;

    /// <summary>What a history entry costs beyond its text and label: the property names, the time, the card indexes.</summary>
    private const int EntryOverheadChars = 80;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Stored in localStorage, never in HTML: escaping every non-ASCII letter would only inflate the draft.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The draft as JSON of at most <see cref="MaxChars"/> characters, dropping the oldest history entries if needed.</summary>
    public string ToJson()
    {
        var first = 0;
        var last = History.Count - 1;
        var estimate = Text.Length + History.Sum(EstimateChars);
        while (estimate > MaxChars && first < last)
        {
            // The current entry always stays; the oldest go first, then the redo branch.
            var dropped = first < CurrentIndex ? first++ : last--;
            estimate -= EstimateChars(History[dropped]);
        }

        while (true)
        {
            var json = JsonSerializer.Serialize(Document(first, last), Json);
            if (json.Length <= MaxChars || first >= last)
            {
                return json;
            }

            // Escaping made the text longer than estimated; rare enough to trim one entry at a time.
            _ = first < CurrentIndex ? first++ : last--;
        }
    }

    /// <summary>The draft in <paramref name="json"/>, or null when it is not one this page wrote.</summary>
    public static StudioDraft? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || json.Length > MaxBytes)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<DraftDocument>(json, Json) is { } document ? FromDocument(document) : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            // Two cards of one category in an entry (AppliedSet refuses them).
            return null;
        }
    }

    private static int EstimateChars(HistoryEntry entry) => entry.Text.Length + entry.Label.Length + EntryOverheadChars;

    private DraftDocument Document(int first, int last)
    {
        var kept = History.Skip(first).Take(last - first + 1).ToList();
        var cards = new List<StudioCard>();
        var indexes = new Dictionary<StudioCard, int>();
        int IndexOf(StudioCard card)
        {
            if (!indexes.TryGetValue(card, out var index))
            {
                index = indexes[card] = cards.Count;
                cards.Add(card);
            }

            return index;
        }

        var entries = kept.Select(e => new DraftEntry(e.Text, e.Label, e.At, [.. e.Applied.Cards.Select(IndexOf)])).ToList();
        return new DraftDocument
        {
            Text = Text,
            Current = Math.Max(0, CurrentIndex - first),
            Cards = [.. cards.Select(c => new DraftCard(c.Id, c.Title, c.Description, c.CategoryId, c.Fresh))],
            History = entries,
        };
    }

    private static StudioDraft? FromDocument(DraftDocument document)
    {
        var text = document.Text ?? string.Empty;
        if (text.Length > PromptLimits.MaxPromptChars)
        {
            return null;
        }

        if (document.History is not { Count: > 0 } stored)
        {
            return document.Text is null ? null : new StudioDraft(text, [], 0);
        }

        var cards = new List<StudioCard>();
        foreach (var card in document.Cards ?? [])
        {
            if (ToCard(card) is not { } valid)
            {
                return null;
            }

            cards.Add(valid);
        }

        if (stored.Count > PromptHistory.DefaultCapacity || document.Current < 0 || document.Current >= stored.Count)
        {
            return null;
        }

        var sets = new Dictionary<string, AppliedSet>(StringComparer.Ordinal);
        var history = new List<HistoryEntry>(stored.Count);
        foreach (var entry in stored)
        {
            if (entry is not { Text: { } entryText, Label: { } label } || entryText.Length > PromptLimits.MaxPromptChars
                || label.Length is 0 or > MaxLabelChars || (entry.Applied ?? []).Any(i => i < 0 || i >= cards.Count))
            {
                return null;
            }

            var applied = entry.Applied ?? [];

            // Entries that had the same cards share one set again, as they did in the page that stored them.
            var key = string.Join(',', applied);
            if (!sets.TryGetValue(key, out var set))
            {
                set = sets[key] = AppliedSet.Of(applied.Select(i => cards[i]));
            }

            history.Add(new HistoryEntry(entryText, set, label, entry.At));
        }

        return new StudioDraft(text, history, document.Current);
    }

    private static StudioCard? ToCard(DraftCard card) =>
        card is { Id.Length: > 0 and <= MaxCardIdChars, Title.Length: > 0 and <= PromptLimits.MaxTitleChars, Category.Length: > 0 and <= PromptLimits.MaxCategoryChars }
            && (card.Description?.Length ?? 0) <= PromptLimits.MaxDescriptionChars
            ? new StudioCard(card.Id, card.Title, card.Description ?? string.Empty, card.Category, card.Fresh)
            : null;

    private sealed record DraftDocument
    {
        public string? Text { get; init; }

        public int Current { get; init; }

        public List<DraftCard>? Cards { get; init; }

        public List<DraftEntry>? History { get; init; }
    }

    private sealed record DraftCard(string? Id, string? Title, string? Description, string? Category, bool Fresh);

    private sealed record DraftEntry(string? Text, string? Label, DateTimeOffset At, List<int>? Applied);
}
