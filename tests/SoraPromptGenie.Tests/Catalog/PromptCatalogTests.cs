using SoraPromptGenie.Core.Catalog;

namespace SoraPromptGenie.Tests.Catalog;

public sealed class PromptCatalogTests
{
    private static readonly PromptCatalog Catalog = PromptCatalog.LoadEmbedded();

    [Fact]
    public void Validate_EmbeddedCatalog_ReportsNoProblems()
    {
        var problems = Catalog.Validate();

        Assert.Empty(problems);
    }

    [Fact]
    public void LoadEmbedded_Groups_AreTheFourDesignGroupsInOrder()
    {
        var groups = Catalog.Groups.Select(g => (g.Id, g.Name)).ToList();

        Assert.Equal([("camera", "Camera"), ("visuals", "Visuals"), ("atmosphere", "Atmosphere"), ("polish", "Polish")], groups);
    }

    [Fact]
    public void LoadEmbedded_Categories_FollowTheDesignTableInOrder()
    {
        var categories = Catalog.Categories.Select(c => $"{c.Group}:{c.Id}").ToList();
        var listedByGroups = Catalog.Groups.SelectMany(g => g.Categories.Select(c => $"{g.Id}:{c}")).ToList();

        string[] expected =
        [
            "camera:camera-angles", "camera:camera-motion",
            "visuals:lighting", "visuals:color-palette", "visuals:depth-of-field",
            "atmosphere:weather", "atmosphere:time-of-day", "atmosphere:mood",
            "polish:style", "polish:motion-timing", "polish:composition", "polish:texture",
        ];
        Assert.Equal(expected, categories);
        Assert.Equal(expected, listedByGroups);
    }

    [Theory]
    [InlineData("camera-angles", "Camera Angles")]
    [InlineData("camera-motion", "Camera Motion")]
    [InlineData("lighting", "Lighting")]
    [InlineData("color-palette", "Color Palette")]
    [InlineData("depth-of-field", "Depth of Field")]
    [InlineData("weather", "Weather")]
    [InlineData("time-of-day", "Time of Day")]
    [InlineData("mood", "Mood")]
    [InlineData("style", "Style")]
    [InlineData("motion-timing", "Motion & Timing")]
    [InlineData("composition", "Composition")]
    [InlineData("texture", "Texture")]
    public void FindCategory_Id_HasDisplayName(string id, string name)
    {
        var category = Catalog.FindCategory(id);

        Assert.NotNull(category);
        Assert.Equal(name, category.Name);
    }

    [Fact]
    public void LoadEmbedded_CoreCategories_AreTheFourSimpleModeCategories()
    {
        var core = Catalog.Categories.Where(c => c.Core).Select(c => c.Id).ToList();

        Assert.Equal(["camera-angles", "camera-motion", "lighting", "style"], core);
    }

    [Fact]
    public void LoadEmbedded_EveryCategory_HasAtLeastTheMinimumOfEnhancements()
    {
        var counts = Catalog.Categories.ToDictionary(c => c.Id, c => c.Enhancements.Count);

        Assert.All(counts, pair => Assert.True(
            pair.Value >= CatalogValidator.MinEnhancementsPerCategory,
            $"{pair.Key} has {pair.Value} enhancements"));
    }

    [Fact]
    public void LoadEmbedded_AllIds_AreUnique()
    {
        var enhancementIds = Catalog.Categories.SelectMany(c => c.Enhancements).Select(e => e.Id).ToList();

        Assert.Equal(enhancementIds.Count, enhancementIds.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(Catalog.Categories.Count, Catalog.CategoryIds.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(Catalog.Presets.Count, Catalog.Presets.Select(p => p.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(Catalog.Starters.Count, Catalog.Starters.Select(s => s.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void LoadEmbedded_Enhancements_AreSlugsWithShortTitlesAndOneSentence()
    {
        var enhancements = Catalog.Categories.SelectMany(c => c.Enhancements.Select(e => (Category: c, Enhancement: e)));

        Assert.All(enhancements, x =>
        {
            var (category, enhancement) = x;
            Assert.Equal(category.Id, enhancement.Category);
            Assert.StartsWith(category.Id + "/", enhancement.Id, StringComparison.Ordinal);
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", enhancement.Id[(category.Id.Length + 1)..]);
            Assert.InRange(enhancement.Title.Split(' ').Length, 2, 4);
            Assert.EndsWith(".", enhancement.Description, StringComparison.Ordinal);
            Assert.DoesNotContain(". ", enhancement.Description, StringComparison.Ordinal);
            Assert.DoesNotContain("—", enhancement.Description, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void LoadEmbedded_Icons_UseOneMaterialSymbolScheme()
    {
        var icons = Catalog.Categories.Select(c => c.Icon).ToList();

        Assert.All(icons, icon => Assert.Matches("^[a-z]+(_[a-z]+)*$", icon));
    }

    [Theory]
    [InlineData("time-of-day/blue-hour")]
    [InlineData("lighting/neon-glow")]
    [InlineData("lighting/golden-hour")]
    [InlineData("camera-angles/eye-level")]
    [InlineData("camera-motion/slow-dolly-in")]
    [InlineData("style/cinematic-35mm")]
    public void FindEnhancement_ProductAnchorId_Exists(string id)
    {
        var enhancement = Catalog.FindEnhancement(id);

        Assert.NotNull(enhancement);
        Assert.Equal(id, enhancement.Id);
    }

    [Theory]
    [InlineData("cinematic-drama", "Cinematic Drama")]
    [InlineData("dreamy-atmosphere", "Dreamy Atmosphere")]
    [InlineData("action-energy", "Action & Energy")]
    [InlineData("documentary-realism", "Documentary Realism")]
    [InlineData("sci-fi-futuristic", "Sci-Fi Futuristic")]
    [InlineData("nature-wildlife", "Nature & Wildlife")]
    public void FindPreset_DesignPreset_HoldsFourResolvableCardsFromFourCategories(string id, string name)
    {
        var preset = Catalog.FindPreset(id);

        Assert.NotNull(preset);
        Assert.Equal(name, preset.Name);
        Assert.False(string.IsNullOrWhiteSpace(preset.Description));
        var resolved = preset.Enhancements.Select(Catalog.FindEnhancement).ToList();
        Assert.Equal(4, resolved.Count);
        Assert.All(resolved, Assert.NotNull);
        Assert.Equal(4, resolved.Select(e => e!.Category).Distinct().Count());
    }

    [Fact]
    public void LoadEmbedded_Starters_AreAtLeastEightWithTitleAndIdea()
    {
        var starters = Catalog.Starters;

        Assert.True(starters.Count >= 8, $"{starters.Count} starters");
        Assert.All(starters, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Title));
            Assert.True(s.Prompt.Split(' ').Length >= 3, s.Prompt);
        });
    }

    [Theory]
    [InlineData("camera-angles")]
    [InlineData("CAMERA-ANGLES")]
    [InlineData("Camera Angles")]
    [InlineData("camera angles")]
    [InlineData("  Camera Angles ")]
    public void FindCategory_IdOrNameInAnyCase_FindsTheCategory(string key)
    {
        var category = Catalog.FindCategory(key);

        Assert.Equal("camera-angles", category?.Id);
    }

    [Theory]
    [InlineData("camera")]
    [InlineData("")]
    [InlineData(null)]
    public void FindCategory_UnknownKey_ReturnsNull(string? key)
    {
        var category = Catalog.FindCategory(key);

        Assert.Null(category);
    }

    [Fact]
    public void FindEnhancementAndPreset_DifferentCase_FindTheEntries()
    {
        var enhancement = Catalog.FindEnhancement("LIGHTING/Golden-Hour");
        var preset = Catalog.FindPreset("Cinematic-Drama");

        Assert.Equal("lighting/golden-hour", enhancement?.Id);
        Assert.Equal("cinematic-drama", preset?.Id);
    }

    [Fact]
    public void CategoryOrder_KnownAndUnknownIds_FollowCatalogOrderWithUnknownLast()
    {
        var orders = new[] { "camera-angles", "lighting", "texture", "nonexistent" }.Select(Catalog.CategoryOrder).ToList();

        Assert.Equal([0, 2, 11, int.MaxValue], orders);
    }
}
