using System.Collections.Frozen;
using SoraPromptGenie.Core.Catalog;

namespace SoraPromptGenie.Core.Engines.Offline;

/// <summary>
/// Offline suggestions: the category's catalog entries ranked by how many content words of their title and
/// description the prompt already uses, leaving out entries whose title or phrase the prompt already contains (they are
/// applied), and, for a silent target, entries about sound. Ties keep catalog order, so the result is stable.
/// </summary>
internal sealed class SuggestionRanker(PromptCatalog catalog)
{
    private readonly FrozenDictionary<string, EntryTerms> _termsById = catalog.Categories
        .SelectMany(c => c.Enhancements)
        .DistinctBy(e => e.Id, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(e => e.Id, EntryTerms.Of, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<Suggestion> Rank(SuggestionRequest request)
    {
        var category = catalog.FindCategory(request.Category.Id) ?? request.Category;
        if (request.Count <= 0 || category.Enhancements.Count == 0)
        {
            return [];
        }

        // A silent target cannot use a card about sound, so none is offered.
        var silent = request.Target is { } target && new TargetStyle(target).Sound == TargetSound.None;
        var promptTokens = TextTokens.Tokenize(request.CurrentPrompt ?? string.Empty);
        var promptStems = TextTokens.ContentStems(promptTokens);
        var ranked = new List<(Enhancement Enhancement, int Index, int Score)>(category.Enhancements.Count);
        for (var index = 0; index < category.Enhancements.Count; index++)
        {
            var enhancement = category.Enhancements[index];
            var terms = _termsById.TryGetValue(enhancement.Id, out var known) && known.Title == enhancement.Title
                ? known
                : EntryTerms.Of(enhancement);
            var applied = TextTokens.ContainsSequence(promptTokens, terms.TitleTokens) || TextTokens.ContainsSequence(promptTokens, terms.PhraseTokens);
            if (!applied && !(silent && terms.NamesSound))
            {
                ranked.Add((enhancement, index, terms.Stems.Count(promptStems.Contains)));
            }
        }

        return ranked
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Index)
            .Take(request.Count)
            .Select(x => new Suggestion(x.Enhancement.Id, x.Enhancement.Title, x.Enhancement.Description, category.Id))
            .ToList();
    }

    /// <summary>An entry's title and phrase tokens (to spot it already applied) and content stems (to score overlap), computed once.</summary>
    private sealed record EntryTerms(string Title, IReadOnlyList<string> TitleTokens, IReadOnlyList<string> PhraseTokens, FrozenSet<string> Stems, bool NamesSound)
    {
        public static EntryTerms Of(Enhancement enhancement)
        {
            var tokens = TextTokens.Tokenize(enhancement.Title + " " + enhancement.Description);
            return new(
                enhancement.Title,
                TextTokens.Tokenize(enhancement.Title),
                TextTokens.Tokenize(enhancement.Phrase),
                TextTokens.ContentStems(tokens).ToFrozenSet(StringComparer.Ordinal),
                StructureLexicons.HasSoundWord(tokens));
        }
    }
}
