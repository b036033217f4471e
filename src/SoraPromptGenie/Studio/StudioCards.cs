using System.Collections.Immutable;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Prompting;

namespace SoraPromptGenie.Studio;

/// <summary>An enhancement card as the studio shows it: a built-in catalog entry or a fresh suggestion.</summary>
public sealed record StudioCard(string Id, string Title, string Description, string CategoryId, bool Fresh = false)
{
    public static StudioCard From(Enhancement enhancement) =>
        new(enhancement.Id, enhancement.Title, enhancement.Description, enhancement.Category);

    public static StudioCard From(Suggestion suggestion) =>
        new("fresh:" + suggestion.Id, suggestion.Title, suggestion.Description, suggestion.Category, Fresh: true);

    public EnhancementInput ToInput() => new() { Title = Title, Description = Description, Category = CategoryId };
}

/// <summary>
/// The cards in effect: at most one per category (design section 5), in the order they were applied. A card's
/// contribution lives in the current text, so replacing or removing one is an edit of that text that leaves the other
/// cards and hand edits alone (see <see cref="StudioSession"/>); the set only records which cards are in. Immutable,
/// so each history entry keeps the set it was made with and undo brings the applied marks back with the text.
/// </summary>
public sealed class AppliedSet
{
    public static readonly AppliedSet Empty = new([]);

    private readonly ImmutableList<StudioCard> _cards;

    private AppliedSet(ImmutableList<StudioCard> cards) => _cards = cards;

    /// <summary>Applied cards in the order they were applied (a replacement takes the place of the card it replaced).</summary>
    public IReadOnlyList<StudioCard> Cards => _cards;

    public int Count => _cards.Count;

    /// <summary>A set of cards, at most one per category; <see cref="Empty"/> when there are none.</summary>
    public static AppliedSet Of(IEnumerable<StudioCard> cards) => Empty.With([.. cards]);

    public bool IsApplied(string cardId) => _cards.Exists(c => c.Id == cardId);

    public StudioCard? ForCategory(string categoryId) => _cards.Find(c => c.CategoryId == categoryId);

    /// <summary>The applied cards that <paramref name="cards"/> would replace: those of the same categories.</summary>
    public IReadOnlyList<StudioCard> ReplacedBy(IReadOnlyList<StudioCard> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        return [.. _cards.Where(applied => cards.Any(c => c.CategoryId == applied.CategoryId))];
    }

    /// <summary>The set with <paramref name="cards"/> (one per category) applied, each replacing its category's card.</summary>
    public AppliedSet With(IReadOnlyList<StudioCard> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        if (cards.Select(c => c.CategoryId).Distinct(StringComparer.Ordinal).Count() != cards.Count)
        {
            throw new ArgumentException("At most one card per category can be applied.", nameof(cards));
        }

        if (cards.Count == 0)
        {
            return this;
        }

        var result = _cards;
        foreach (var card in cards)
        {
            var index = result.FindIndex(c => c.CategoryId == card.CategoryId);
            result = index >= 0 ? result.SetItem(index, card) : result.Add(card);
        }

        return new AppliedSet(result);
    }

    /// <summary>The set without the card of <paramref name="categoryId"/>; <see cref="Empty"/> once nothing is left.</summary>
    public AppliedSet Without(string categoryId)
    {
        var result = _cards.RemoveAll(c => c.CategoryId == categoryId);
        return result.IsEmpty ? Empty : result.Count == _cards.Count ? this : new AppliedSet(result);
    }
}
