using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Offline;

namespace SoraPromptGenie.Tests.Engines.Offline;

public sealed class IdeaExpanderTests
{
    private static readonly PromptCatalog Catalog = PromptCatalog.LoadEmbedded();
    private readonly OfflinePromptEngine _engine = new(Catalog);

    [Fact]
    public async Task ExpandAsync_Idea_BecomesCapitalisedSceneSentenceWithPeriod()
    {
        var result = await _engine.RunAsync(new TextOperation.Expand("  a fox   crossing a snowy road at night "), CancellationToken.None);

        Assert.StartsWith("A fox crossing a snowy road at night.\n\n", result.Text, StringComparison.Ordinal);
        Assert.Equal("offline", result.Engine);
    }

    [Fact]
    public async Task ExpandAsync_IdeaEndingInQuestionMark_KeepsItsPunctuation()
    {
        var result = await _engine.RunAsync(new TextOperation.Expand("what if cats could fly?"), CancellationToken.None);

        Assert.StartsWith("What if cats could fly?\n\n", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpandAsync_AnyIdea_AddsOneLabelledClausePerCoreCategoryInCatalogOrder()
    {
        var result = await _engine.RunAsync(new TextOperation.Expand("a woman reads a letter in her kitchen"), CancellationToken.None);

        var clauses = result.Text.Split("\n\n")[1].Split('\n');
        Assert.Equal(["Camera Angles", "Camera Motion", "Lighting", "Style"], clauses.Select(c => c[..c.IndexOf(':', StringComparison.Ordinal)]));
        Assert.All(clauses, c => Assert.Contains(" — ", c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExpandAsync_OutputOfExpand_CanBeEnhancedLikeAnyPrompt()
    {
        var expanded = await _engine.RunAsync(new TextOperation.Expand("a woman reads a letter in her kitchen"), CancellationToken.None);
        var candle = Catalog.FindEnhancement("lighting/candlelight")!;

        var enhanced = _engine.Enhance(expanded.Text, [new(candle.Title, candle.Description, candle.Category)]);

        Assert.Contains("Lighting: Warm Candlelight — ", enhanced, StringComparison.Ordinal);
        Assert.DoesNotContain("Golden Hour", enhanced, StringComparison.Ordinal);
        Assert.Equal(6, enhanced.Split('\n').Length);
    }

    [Theory]
    [InlineData("a woman reads a letter in her kitchen", "camera-angles/eye-level", "camera-motion/slow-dolly-in", "lighting/golden-hour", "style/cinematic-35mm")]
    [InlineData("rain falls on a neon city street at night", "camera-angles/eye-level", "camera-motion/steadicam-glide", "lighting/neon-glow", "style/neo-noir")]
    [InlineData("a fox crossing a snowy road at night", "camera-angles/wide-establishing", "camera-motion/slow-pan", "lighting/moonlight", "style/nature-documentary")]
    [InlineData("a sailboat drifting across a calm ocean", "camera-angles/wide-establishing", "camera-motion/drone-flyover", "lighting/backlit-silhouette", "style/cinematic-35mm")]
    [InlineData("fishermen haul nets in the pouring rain", "camera-angles/eye-level", "camera-motion/slow-dolly-in", "lighting/overcast-diffused", "style/cinematic-35mm")]
    [InlineData("deer grazing in a quiet forest clearing", "camera-angles/wide-establishing", "camera-motion/slow-pan", "lighting/volumetric-light-shafts", "style/nature-documentary")]
    [InlineData("two teenagers race their bikes through the park", "camera-angles/low-angle", "camera-motion/tracking-shot", "lighting/golden-hour", "style/anamorphic-widescreen")]
    [InlineData("police chase a thief across the rooftops", "camera-angles/low-angle", "camera-motion/tracking-shot", "lighting/golden-hour", "style/anamorphic-widescreen")]
    [InlineData("portrait of an old fisherman's weathered face", "camera-angles/close-up", "camera-motion/slow-dolly-in", "lighting/soft-window-light", "style/cinematic-35mm")]
    [InlineData("an astronaut plants a flag on mars", "camera-angles/wide-establishing", "camera-motion/slow-dolly-in", "lighting/golden-hour", "style/sci-fi-epic")]
    public void Pick_IdeaKeywords_ChooseTheRuleCards(string idea, string angle, string motion, string lighting, string style)
    {
        var expander = new IdeaExpander(Catalog);

        var picks = expander.Pick(idea).Select(e => e.Id).ToList();

        Assert.Equal([angle, motion, lighting, style], picks);
    }

    [Fact]
    public void Rules_EveryCardId_ResolvesToACardOfItsCoreCategory()
    {
        var core = Catalog.Categories.Where(c => c.Core).Select(c => c.Id).ToList();

        Assert.Equal(core, IdeaExpander.Rules.Select(r => r.CategoryId));
        Assert.All(IdeaExpander.Rules, rules =>
        {
            foreach (var id in rules.Rules.Select(r => r.EnhancementId).Append(rules.DefaultId))
            {
                Assert.Equal(rules.CategoryId, Catalog.FindEnhancement(id)?.Category);
            }
        });
    }

    [Fact]
    public void Expand_EmptyIdea_GivesTheDefaultClausesAlone()
    {
        var result = _engine.Expand("   ");

        Assert.StartsWith("Camera Angles: Eye Level — ", result, StringComparison.Ordinal);
        Assert.Equal(4, result.Split('\n').Length);
    }
}
