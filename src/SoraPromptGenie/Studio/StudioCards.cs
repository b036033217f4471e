using System.Collections.Immutable;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;

namespace SoraPromptGenie.Studio;

/// <summary>An enhancement card as the studio shows it: a built-in catalog entry or a fresh suggestion.</summary>
public sealed record StudioCard(string Id, string Title, string Description, string CategoryId, bool Fresh = false)
{
    public static StudioCard From(Enhancement enhancement) =>
        new(enhancement.Id, enhancement.Title, enhancement.Description, enhancement.Category);

    public static StudioCard From(Suggestion suggestion) =>
        new("fresh:" + suggestion.Id, suggestion.Title, suggestion.Description, suggestion.Category, Fresh: true);
}

/// <summary>A card in effect, with the prompt as it was before the card's category was first applied.</summary>
public sealed record AppliedCard(StudioCard Card, string PromptBefore, int Step);

/// <summary>What an apply needs: the prompt to merge into and the cards that stay applied around it.</summary>
public sealed record ApplyPlan(string BasePrompt, AppliedSet Kept, IReadOnlyList<StudioCard> Cards);

/// <summary>
/// The card rules of the design (section 5): at most one card per category; choosing another card in a category re-applies
/// to the prompt as it was before that category's card; clicking an applied card removes it and restores that prompt.
/// Cards applied after the one being replaced or removed were merged into text that no longer exists, so they go too.
/// Immutable, so each history entry keeps the set it was made with and undo brings the applied marks back with the text.
/// </summary>
public sealed class AppliedSet
{
    public static readonly AppliedSet Empty = new([]);

    private readonly ImmutableList<AppliedCard> _cards;

    private AppliedSet(ImmutableList<AppliedCard> cards) => _cards = cards;

    /// <summary>Applied cards in the order they were applied.</summary>
    public IReadOnlyList<AppliedCard> Cards => _cards;

    public int Count => _cards.Count;

    public bool IsApplied(string cardId) => _cards.Exists(a => a.Card.Id == cardId);

    public AppliedCard? ForCategory(string categoryId) => _cards.Find(a => a.Card.CategoryId == categoryId);

    /// <summary>Where to merge <paramref name="cards"/> (one per category) given the prompt on screen.</summary>
    public ApplyPlan Plan(IReadOnlyList<StudioCard> cards, string currentPrompt)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var categories = cards.Select(c => c.CategoryId).ToHashSet(StringComparer.Ordinal);
        if (categories.Count != cards.Count)
        {
            throw new ArgumentException("At most one card per category can be applied at once.", nameof(cards));
        }

        var earliest = _cards.Where(a => categories.Contains(a.Card.CategoryId)).OrderBy(a => a.Step).FirstOrDefault();
        return earliest is null
            ? new ApplyPlan(currentPrompt, this, cards)
            : new ApplyPlan(earliest.PromptBefore, Before(earliest.Step), cards);
    }

    /// <summary>The set after the planned cards were merged into the plan's base prompt.</summary>
    public static AppliedSet Apply(ApplyPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var step = plan.Kept._cards.IsEmpty ? 1 : plan.Kept._cards.Max(a => a.Step) + 1;
        return new AppliedSet(plan.Kept._cards.AddRange(plan.Cards.Select(c => new AppliedCard(c, plan.BasePrompt, step))));
    }

    /// <summary>Removes the card of <paramref name="categoryId"/>: the remaining set and the prompt to restore, or null when none is applied.</summary>
    public (AppliedSet Remaining, string RestoredPrompt)? Remove(string categoryId)
    {
        var applied = ForCategory(categoryId);
        return applied is null ? null : (Before(applied.Step), applied.PromptBefore);
    }

    private AppliedSet Before(int step) => new(_cards.RemoveAll(a => a.Step >= step));
}
