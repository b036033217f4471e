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
                    new Enhancement("camera-angles/eye-level", "Eye Level", "A level lens.", "camera-angles"),
                    new Enhancement("camera-angles/eye-level", "Eye Level Again", "A duplicate.", "camera-angles"),
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
            "Category 'lighting' names unknown group 'visuals'.",
            "Category 'lighting' has 0 enhancements; at least 8 are required.",
            "Group 'camera' lists unknown category 'ghost'.",
            "The catalog has 1 presets; at least 6 are required.",
            "Preset 'broken' references unknown enhancement 'lighting/missing'.",
            "Preset 'broken' must hold 4 enhancements from 4 different categories.",
            "The catalog has 1 starter prompts; at least 8 are required.",
        ], problems);
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
