using System.Text;
using SoraPromptGenie.Core.Catalog;

namespace SoraPromptGenie.Core.Engines.Offline;

/// <summary>
/// One card's contribution to an offline prompt. A catalog card is written into the prose of the shot from its phrase
/// (<see cref="Card"/>, see <see cref="ShotProse"/>); any other card is a labelled line: <c>Sound Design: Score — a low
/// drone.</c>, as is a line a person writes by hand (<c>Lighting: a single streetlamp</c>). <see cref="Key"/> identifies the
/// slot the clause fills (a catalog category id, or the label of a category the catalog does not know); <see cref="Order"/>
/// places it (catalog order, unknown categories last).
/// </summary>
internal sealed record PromptClause(string Key, string Label, string Text, int Order, Enhancement? Card = null)
{
    public const string TitleSeparator = " — ";
    private const int MaxLabelLength = 40;
    private const string FallbackLabel = "Detail";

    /// <summary>The catalog category id, or null when the clause belongs to a category the catalog does not know.</summary>
    public string? CategoryId => Order == int.MaxValue ? null : Key;

    public string Title => Text.Split(TitleSeparator, 2)[0];

    /// <summary>The description half of the clause, or the whole text when the clause has no title separator.</summary>
    public string Description => Text.Split(TitleSeparator, 2) is [_, var description] ? description : Text;

    public bool HasTitle => Text.Contains(TitleSeparator, StringComparison.Ordinal);

    /// <summary>Whether the clause is written into the prose from a catalog card's phrase rather than as a labelled line.</summary>
    public bool IsPhrase => Card is not null;

    public string Render() => $"{Label}: {Text}";

    /// <summary>The clause of a catalog card with a phrase: it is written into the prose of the shot.</summary>
    public static PromptClause ForCard(Enhancement card, PromptCatalog catalog)
    {
        var category = catalog.FindCategory(card.Category);
        return category is null
            ? new PromptClause(card.Category.ToLowerInvariant(), card.Category, card.Phrase, int.MaxValue, card)
            : new PromptClause(category.Id, category.Name, card.Phrase, catalog.CategoryOrder(category.Id), card);
    }

    /// <summary>
    /// The clause for an enhancement, or null when it carries neither a title nor a description. A catalog card (its
    /// category, title and description, or its title alone) is written from its phrase; any other card is a labelled line.
    /// </summary>
    public static PromptClause? FromEnhancement(EnhancementSpec enhancement, PromptCatalog catalog)
    {
        if (CatalogCard(enhancement, catalog) is { } card)
        {
            return ForCard(card, catalog);
        }

        var title = TextTokens.CollapseWhitespace(enhancement.Title);
        var description = TextTokens.EnsureSentenceEnd(TextTokens.CollapseWhitespace(enhancement.Description));
        if (title.Length == 0 && description.Length == 0)
        {
            return null;
        }

        var text = (title.Length, description.Length) switch
        {
            (0, _) => TextTokens.UpperFirst(description),
            (_, 0) => title,
            _ => title + TitleSeparator + TextTokens.LowerFirst(description),
        };

        var category = catalog.FindCategory(enhancement.Category);
        return category is not null
            ? new PromptClause(category.Id, category.Name, text, catalog.CategoryOrder(category.Id))
            : ForUnknownCategory(SanitizeLabel(enhancement.Category), text);
    }

    /// <summary>The catalog card <paramref name="enhancement"/> names, when it has a phrase to be written with.</summary>
    private static Enhancement? CatalogCard(EnhancementSpec enhancement, PromptCatalog catalog)
    {
        if (catalog.FindCategory(enhancement.Category) is not { } category)
        {
            return null;
        }

        var title = TextTokens.CollapseWhitespace(enhancement.Title);
        var description = TextTokens.TrimSentenceEnd(TextTokens.CollapseWhitespace(enhancement.Description));
        return category.Enhancements.FirstOrDefault(e =>
            e.Phrase.Length > 0
            && string.Equals(e.Title, title, StringComparison.OrdinalIgnoreCase)
            && (description.Length == 0 || string.Equals(TextTokens.TrimSentenceEnd(e.Description), description, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The slot a card of <paramref name="category"/> fills: the <see cref="Key"/> its clause gets.</summary>
    public static string KeyOf(string? category, PromptCatalog catalog) =>
        catalog.FindCategory(category)?.Id ?? SanitizeLabel(category).ToLowerInvariant();

    /// <summary>
    /// Reads a line back as a clause. A known category label always makes a clause (users write "Lighting: candlelight"
    /// by hand); an unknown label only does in the engine's own "Title — description" shape, so ordinary prose with a
    /// colon stays prose.
    /// </summary>
    public static bool TryParse(string line, PromptCatalog catalog, out PromptClause clause)
    {
        clause = null!;
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon > MaxLabelLength || colon + 1 >= line.Length || !char.IsWhiteSpace(line[colon + 1]))
        {
            return false;
        }

        var label = line[..colon].Trim();
        var text = line[(colon + 1)..].Trim();
        if (text.Length == 0)
        {
            return false;
        }

        var category = catalog.FindCategory(label);
        if (category is not null)
        {
            clause = new PromptClause(category.Id, category.Name, text, catalog.CategoryOrder(category.Id));
            return true;
        }

        if (IsLabel(label) && text.Contains(TitleSeparator, StringComparison.Ordinal))
        {
            clause = ForUnknownCategory(label, text);
            return true;
        }

        return false;
    }

    private static PromptClause ForUnknownCategory(string label, string text) =>
        new(label.ToLowerInvariant(), label, text, int.MaxValue);

    private static bool IsLabel(string label) =>
        label.Length > 0 && char.IsLetter(label[0]) && label.All(IsLabelChar);

    private static bool IsLabelChar(char c) => char.IsLetterOrDigit(c) || c is ' ' or '&' or '\'' or '-';

    /// <summary>Keeps an unknown category usable as a label that <see cref="TryParse"/> recognises again.</summary>
    private static string SanitizeLabel(string? category)
    {
        var builder = new StringBuilder();
        foreach (var c in TextTokens.CollapseWhitespace(category))
        {
            if (IsLabelChar(c) && (builder.Length > 0 || char.IsLetter(c)))
            {
                builder.Append(c);
            }
        }

        var label = builder.ToString().Trim();
        if (label.Length > MaxLabelLength)
        {
            label = label[..MaxLabelLength].TrimEnd();
        }

        return label.Length == 0 ? FallbackLabel : label;
    }
}
