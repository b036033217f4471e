using SoraPromptGenie.Core.Catalog;

namespace SoraPromptGenie.Core.Engines.Offline;

/// <summary>The catalog cards a prompt carries as the offline engine writes them: their phrases in its prose, or their lines.</summary>
public static class WrittenCards
{
    /// <summary>The cards found in <paramref name="text"/>, at most one per category, in catalog order.</summary>
    public static IReadOnlyList<Enhancement> In(string? text, PromptCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return
        [
            .. PromptDocument.Parse(text, catalog).Clauses
                .Where(c => c.IsPhrase)
                .Select(c => c.Card!)
                .OrderBy(c => catalog.CategoryOrder(c.Category)),
        ];
    }
}
