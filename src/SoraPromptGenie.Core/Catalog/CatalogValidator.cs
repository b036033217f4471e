namespace SoraPromptGenie.Core.Catalog;

/// <summary>The catalog rules of the design (section 5), checked at start-up and by a test.</summary>
internal static class CatalogValidator
{
    public const int MinEnhancementsPerCategory = 8;
    public const int MinPresets = 6;
    public const int MinStarters = 8;
    public const int EnhancementsPerPreset = 4;

    public static IReadOnlyList<string> Validate(PromptCatalog catalog)
    {
        var problems = new List<string>();
        var categoryIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var enhancementIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var groupIds = catalog.Groups.Select(g => g.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var category in catalog.Categories)
        {
            if (!categoryIds.Add(category.Id))
            {
                problems.Add($"Duplicate category id '{category.Id}'.");
            }

            if (!groupIds.Contains(category.Group))
            {
                problems.Add($"Category '{category.Id}' names unknown group '{category.Group}'.");
            }

            if (category.Enhancements.Count < MinEnhancementsPerCategory)
            {
                problems.Add($"Category '{category.Id}' has {category.Enhancements.Count} enhancements; at least {MinEnhancementsPerCategory} are required.");
            }

            foreach (var enhancement in category.Enhancements)
            {
                if (!enhancementIds.Add(enhancement.Id))
                {
                    problems.Add($"Duplicate enhancement id '{enhancement.Id}'.");
                }

                if (string.IsNullOrWhiteSpace(enhancement.Title) || string.IsNullOrWhiteSpace(enhancement.Description))
                {
                    problems.Add($"Enhancement '{enhancement.Id}' needs a title and a description.");
                }
            }
        }

        foreach (var group in catalog.Groups)
        {
            foreach (var member in group.Categories.Where(id => !categoryIds.Contains(id)))
            {
                problems.Add($"Group '{group.Id}' lists unknown category '{member}'.");
            }
        }

        if (catalog.Presets.Count < MinPresets)
        {
            problems.Add($"The catalog has {catalog.Presets.Count} presets; at least {MinPresets} are required.");
        }

        foreach (var preset in catalog.Presets)
        {
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

        if (catalog.Starters.Count < MinStarters)
        {
            problems.Add($"The catalog has {catalog.Starters.Count} starter prompts; at least {MinStarters} are required.");
        }

        return problems;
    }
}
