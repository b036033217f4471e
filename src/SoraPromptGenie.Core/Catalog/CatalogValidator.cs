using System.Buffers;

namespace SoraPromptGenie.Core.Catalog;

/// <summary>The catalog rules of the design (section 5), checked at start-up and by a test.</summary>
internal static class CatalogValidator
{
    public const int MinEnhancementsPerCategory = 8;
    public const int MinPresets = 6;
    public const int MinStarters = 8;
    public const int EnhancementsPerPreset = 4;

    /// <summary>A phrase is part of a sentence, so it stays well short of a sentence of its own.</summary>
    public const int MaxPhraseWords = 16;

    /// <summary>Characters that end or split a sentence, or open speech: a phrase with one would not sit inside a sentence.</summary>
    private static readonly SearchValues<char> SentenceBreaks = SearchValues.Create(".!?…:;\"“”\n\r");

    public static IReadOnlyList<string> Validate(PromptCatalog catalog)
    {
        var problems = new List<string>();
        var categoryIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var enhancementIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var phrases = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var groupIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var group in catalog.Groups)
        {
            if (!groupIds.Add(group.Id))
            {
                problems.Add($"Duplicate group id '{group.Id}'.");
            }
        }

        foreach (var category in catalog.Categories)
        {
            ValidateCategory(catalog, category, categoryIds, groupIds, enhancementIds, problems);
            foreach (var enhancement in category.Enhancements)
            {
                ValidatePhrase(enhancement, phrases, problems);
            }
        }

        foreach (var group in catalog.Groups)
        {
            if (string.IsNullOrWhiteSpace(group.Name))
            {
                problems.Add($"Group '{group.Id}' needs a name.");
            }

            foreach (var member in group.Categories.Where(id => !categoryIds.Contains(id)))
            {
                problems.Add($"Group '{group.Id}' lists unknown category '{member}'.");
            }
        }

        ValidatePresets(catalog, problems);
        ValidateStarters(catalog, problems);
        return problems;
    }

    private static void ValidateCategory(
        PromptCatalog catalog,
        Category category,
        HashSet<string> categoryIds,
        HashSet<string> groupIds,
        HashSet<string> enhancementIds,
        List<string> problems)
    {
        if (!categoryIds.Add(category.Id))
        {
            problems.Add($"Duplicate category id '{category.Id}'.");
        }

        if (!IsKebabCase(category.Id) || string.IsNullOrWhiteSpace(category.Name))
        {
            problems.Add($"Category '{category.Id}' needs a kebab-case id and a display name.");
        }

        if (!groupIds.Contains(category.Group))
        {
            problems.Add($"Category '{category.Id}' names unknown group '{category.Group}'.");
        }
        else if (!catalog.Groups.Any(g => string.Equals(g.Id, category.Group, StringComparison.OrdinalIgnoreCase)
            && g.Categories.Contains(category.Id, StringComparer.OrdinalIgnoreCase)))
        {
            problems.Add($"Category '{category.Id}' is not listed by its group '{category.Group}'.");
        }

        if (category.Enhancements.Count < MinEnhancementsPerCategory)
        {
            problems.Add($"Category '{category.Id}' has {category.Enhancements.Count} enhancements; at least {MinEnhancementsPerCategory} are required.");
        }

        var prefix = category.Id + "/";
        foreach (var enhancement in category.Enhancements)
        {
            if (!enhancementIds.Add(enhancement.Id))
            {
                problems.Add($"Duplicate enhancement id '{enhancement.Id}'.");
            }

            if (!enhancement.Id.StartsWith(prefix, StringComparison.Ordinal)
                || !IsKebabCase(enhancement.Id[prefix.Length..])
                || !string.Equals(enhancement.Category, category.Id, StringComparison.Ordinal))
            {
                problems.Add($"Enhancement '{enhancement.Id}' must be '{prefix}<kebab-case-slug>' in category '{category.Id}'.");
            }

            if (string.IsNullOrWhiteSpace(enhancement.Title) || string.IsNullOrWhiteSpace(enhancement.Description))
            {
                problems.Add($"Enhancement '{enhancement.Id}' needs a title and a description.");
            }
        }
    }

    /// <summary>
    /// A card's phrase is written into the prose of a shot: it must read inside a sentence (no sentence punctuation, a
    /// lower-case start, short), say the card in other words than its description, and be the card's alone, since the
    /// engine finds a card in a text by its phrase.
    /// </summary>
    private static void ValidatePhrase(Enhancement enhancement, HashSet<string> phrases, List<string> problems)
    {
        var phrase = enhancement.Phrase;
        if (string.IsNullOrWhiteSpace(phrase))
        {
            problems.Add($"Enhancement '{enhancement.Id}' needs a phrase.");
            return;
        }

        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (phrase != phrase.Trim() || !(char.IsLower(phrase[0]) || char.IsAsciiDigit(phrase[0]))
            || phrase.IndexOfAny(SentenceBreaks) >= 0 || words > MaxPhraseWords)
        {
            problems.Add($"Enhancement '{enhancement.Id}' has a phrase that does not read inside a sentence: lower-case start, no sentence punctuation, at most {MaxPhraseWords} words.");
        }

        if (string.Equals(phrase.TrimEnd('.'), enhancement.Description.Trim().TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Enhancement '{enhancement.Id}' repeats its description as its phrase.");
        }

        if (!phrases.Add(phrase))
        {
            problems.Add($"Enhancement '{enhancement.Id}' shares its phrase with another card.");
        }
    }

    private static void ValidatePresets(PromptCatalog catalog, List<string> problems)
    {
        if (catalog.Presets.Count < MinPresets)
        {
            problems.Add($"The catalog has {catalog.Presets.Count} presets; at least {MinPresets} are required.");
        }

        var presetIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var preset in catalog.Presets)
        {
            if (!presetIds.Add(preset.Id))
            {
                problems.Add($"Duplicate preset id '{preset.Id}'.");
            }

            var resolved = preset.Enhancements.Select(catalog.FindEnhancement).ToList();
            foreach (var missing in preset.Enhancements.Where((_, i) => resolved[i] is null))
            {
                problems.Add($"Preset '{preset.Id}' references unknown enhancement '{missing}'.");
            }

            var categories = resolved.OfType<Enhancement>().Select(e => e.Category).Distinct(StringComparer.OrdinalIgnoreCase).Count();
            if (preset.Enhancements.Count != EnhancementsPerPreset || categories != preset.Enhancements.Count)
            {
                problems.Add($"Preset '{preset.Id}' must hold {EnhancementsPerPreset} enhancements from {EnhancementsPerPreset} different categories.");
            }
        }
    }

    private static void ValidateStarters(PromptCatalog catalog, List<string> problems)
    {
        if (catalog.Starters.Count < MinStarters)
        {
            problems.Add($"The catalog has {catalog.Starters.Count} starter prompts; at least {MinStarters} are required.");
        }

        var starterIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var starter in catalog.Starters)
        {
            if (!starterIds.Add(starter.Id))
            {
                problems.Add($"Duplicate starter prompt id '{starter.Id}'.");
            }

            if (string.IsNullOrWhiteSpace(starter.Title) || string.IsNullOrWhiteSpace(starter.Prompt))
            {
                problems.Add($"Starter prompt '{starter.Id}' needs a title and a prompt.");
            }
        }
    }

    private static bool IsKebabCase(string value)
    {
        if (value.Length == 0 || value[0] == '-' || value[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var allowed = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || (c == '-' && value[i - 1] != '-');
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }
}
