using SoraPromptGenie.Core.Catalog;

namespace SoraPromptGenie.Tests.Catalog;

public sealed class CatalogValidatorTests
{
    [Fact]
    public void Validate_BrokenCatalog_ReportsEveryProblem()
    {
        var catalog = new PromptCatalog(
            [new CategoryGroup("camera", "Camera", ["camera-angles", "ghost"])],
            [
                new Category("camera-angles", "Camera Angles", "camera", true, "photo_camera",
                [
                    new Enhancement("camera-angles/eye-level", "Eye Level", "A level lens.", "camera-angles", "an eye-level shot"),
                    new Enhancement("camera-angles/eye-level", "Eye Level Again", "A duplicate.", "camera-angles", "an eye-level shot"),
                    new Enhancement("camera-angles/Bad Slug", "Bad Slug", " ", "camera-angles"),
                ]),
                new Category("lighting", "Lighting", "visuals", true, "light_mode", []),
            ],
            [new Preset("broken", "Broken", "Refers to cards that do not exist.", ["camera-angles/eye-level", "lighting/missing", "camera-angles/eye-level"])],
            [new StarterPrompt("s1", "Only starter", "A fox crosses a road.")]);

        var problems = catalog.Validate();

        Assert.Equal(
        [
            "Category 'camera-angles' has 3 enhancements; at least 8 are required.",
            "Duplicate enhancement id 'camera-angles/eye-level'.",
            "Enhancement 'camera-angles/Bad Slug' must be 'camera-angles/<kebab-case-slug>' in category 'camera-angles'.",
            "Enhancement 'camera-angles/Bad Slug' needs a title and a description.",
            "Enhancement 'camera-angles/eye-level' shares its phrase with another card.",
            "Enhancement 'camera-angles/Bad Slug' needs a phrase.",
            "Category 'lighting' names unknown group 'visuals'.",
            "Category 'lighting' has 0 enhancements; at least 8 are required.",
            "Group 'camera' lists unknown category 'ghost'.",
            "The catalog has 1 presets; at least 6 are required.",
            "Preset 'broken' references unknown enhancement 'lighting/missing'.",
            "Preset 'broken' must hold 4 enhancements from 4 different categories.",
            "The catalog has 1 starter prompts; at least 8 are required.",
        ], problems);
    }

    [Theory]
    [InlineData("Warm sun. Long shadows", "does not read inside a sentence")]
    [InlineData("Warm low sun raking across the scene", "does not read inside a sentence")]
    [InlineData("low sun: warm", "does not read inside a sentence")]
    [InlineData("low, warm sun raking across the whole of the scene while long soft shadows stretch out behind every figure", "does not read inside a sentence")]
    [InlineData("low warm sun", "repeats its description", "Low warm sun.")]
    [InlineData("cool, pale moonlight from high above", "shares its phrase")]
    public void Validate_PhraseThatCannotSitInsideASentence_ReportsTheCard(string phrase, string problem, string? description = null)
    {
        var sound = PromptCatalog.LoadEmbedded();
        Category[] categories = [.. sound.Categories.Select(c => c.Id != "lighting" ? c : c with
        {
            Enhancements = [.. c.Enhancements.Select(e => e.Id == "lighting/golden-hour" ? e with { Phrase = phrase, Description = description ?? e.Description } : e)],
        })];
        var catalog = new PromptCatalog(sound.Groups, categories, sound.Presets, sound.Starters);

        var problems = catalog.Validate();

        Assert.Contains(problem, Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmbeddedCatalog_EveryCardHasAPhrase()
    {
        var catalog = PromptCatalog.LoadEmbedded();

        Assert.Empty(catalog.Validate());
        Assert.All(catalog.Categories.SelectMany(c => c.Enhancements), e => Assert.False(string.IsNullOrWhiteSpace(e.Phrase), e.Id));
    }

    [Fact]
    public void Validate_OnePresetBrokenInSoundCatalog_ReportsOnlyThatPreset()
    {
        var sound = PromptCatalog.LoadEmbedded();
        Preset[] presets = [.. sound.Presets.Skip(1), new Preset("twins", "Twins", "Two cards of one category.",
            ["lighting/golden-hour", "lighting/neon-glow", "style/cinematic-35mm", "mood/joyful-typo"])];
        var catalog = new PromptCatalog(sound.Groups, sound.Categories, presets, sound.Starters);

        var problems = catalog.Validate();

        Assert.Equal(
        [
            "Preset 'twins' references unknown enhancement 'mood/joyful-typo'.",
            "Preset 'twins' must hold 4 enhancements from 4 different categories.",
        ], problems);
    }

    [Fact]
    public void Validate_CategoryMissingFromItsGroupList_ReportsIt()
    {
        var sound = PromptCatalog.LoadEmbedded();
        CategoryGroup[] groups = [.. sound.Groups.Select(g => g.Id == "polish" ? g with { Categories = [.. g.Categories.Where(c => c != "texture")] } : g)];
        var catalog = new PromptCatalog(groups, sound.Categories, sound.Presets, sound.Starters);

        var problems = catalog.Validate();

        Assert.Equal(["Category 'texture' is not listed by its group 'polish'."], problems);
    }
}
