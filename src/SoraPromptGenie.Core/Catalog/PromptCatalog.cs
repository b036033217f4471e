using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SoraPromptGenie.Core.Catalog;

/// <summary>
/// The product's own content: categories, enhancements, presets and starter prompts, loaded once from the
/// embedded <c>catalog.json</c>. Lookups are case-insensitive and accept a category's id or display name.
/// </summary>
public sealed class PromptCatalog
{
    private readonly FrozenDictionary<string, Category> _categoriesByKey;
    private readonly FrozenDictionary<string, Enhancement> _enhancementsById;
    private readonly FrozenDictionary<string, int> _categoryOrder;

    public PromptCatalog(
        IReadOnlyList<CategoryGroup> groups,
        IReadOnlyList<Category> categories,
        IReadOnlyList<Preset> presets,
        IReadOnlyList<StarterPrompt> starters)
    {
        Groups = groups;
        Categories = categories;
        Presets = presets;
        Starters = starters;

        var byKey = new Dictionary<string, Category>(StringComparer.OrdinalIgnoreCase);
        foreach (var category in categories)
        {
            byKey.TryAdd(category.Id, category);
            byKey.TryAdd(category.Name, category);
        }

        _categoriesByKey = byKey.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _enhancementsById = categories
            .SelectMany(c => c.Enhancements)
            .DistinctBy(e => e.Id, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase);
        _categoryOrder = categories
            .Select((c, i) => (c.Id, i))
            .ToFrozenDictionary(x => x.Id, x => x.i, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<CategoryGroup> Groups { get; }

    public IReadOnlyList<Category> Categories { get; }

    public IReadOnlyList<Preset> Presets { get; }

    public IReadOnlyList<StarterPrompt> Starters { get; }

    public IEnumerable<string> CategoryIds => Categories.Select(c => c.Id);

    /// <summary>Finds a category by id (<c>camera-angles</c>) or display name (<c>Camera Angles</c>).</summary>
    public Category? FindCategory(string? idOrName) =>
        idOrName is not null && _categoriesByKey.TryGetValue(idOrName.Trim(), out var category) ? category : null;

    public Enhancement? FindEnhancement(string? id) =>
        id is not null && _enhancementsById.TryGetValue(id.Trim(), out var enhancement) ? enhancement : null;

    public Preset? FindPreset(string? id) =>
        Presets.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Position of a category in catalog order, used to merge clauses deterministically.</summary>
    public int CategoryOrder(string categoryId) =>
        _categoryOrder.TryGetValue(categoryId, out var order) ? order : int.MaxValue;

    /// <summary>Returns every integrity problem; an empty list means the catalog is sound.</summary>
    public IReadOnlyList<string> Validate() => CatalogValidator.Validate(this);

    public static PromptCatalog LoadEmbedded()
    {
        using var stream = typeof(PromptCatalog).Assembly.GetManifestResourceStream("SoraPromptGenie.Core.Catalog.catalog.json")
            ?? throw new InvalidOperationException("The embedded catalog.json is missing.");
        var document = JsonSerializer.Deserialize(stream, CatalogJsonContext.Default.CatalogDocument)
            ?? throw new InvalidOperationException("The embedded catalog.json is empty.");
        var categories = document.Categories
            .Select(c => new Category(
                c.Id,
                c.Name,
                c.Group,
                c.Core,
                c.Icon,
                [.. c.Enhancements.Select(e => new Enhancement($"{c.Id}/{e.Slug}", e.Title, e.Description, c.Id, e.Phrase ?? string.Empty))]))
            .ToList();
        return new PromptCatalog(document.Groups, categories, document.Presets, document.Starters);
    }
}

internal sealed record CatalogDocument(
    IReadOnlyList<CategoryGroup> Groups,
    IReadOnlyList<CategoryDocument> Categories,
    IReadOnlyList<Preset> Presets,
    IReadOnlyList<StarterPrompt> Starters);

internal sealed record CategoryDocument(
    string Id,
    string Name,
    string Group,
    bool Core,
    string Icon,
    IReadOnlyList<EnhancementDocument> Enhancements);

internal sealed record EnhancementDocument(string Slug, string Title, string Description, string? Phrase);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(CatalogDocument))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
