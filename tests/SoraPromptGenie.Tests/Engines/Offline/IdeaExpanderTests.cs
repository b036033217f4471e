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
    public async Task ExpandAsync_AnyIdea_WritesTheShotAsProseAfterTheIdea()
    {
        const string idea = "a woman reads a letter in her kitchen";
        var picks = new IdeaExpander(Catalog).Pick(idea);

        var result = await _engine.RunAsync(new TextOperation.Expand(idea), CancellationToken.None);

        var paragraphs = result.Text.Split("\n\n");
        Assert.Equal(2, paragraphs.Length);
        Assert.Equal("A woman reads a letter in her kitchen.", paragraphs[0]);
        Assert.DoesNotContain('\n', paragraphs[1]);
        Assert.DoesNotContain(" — ", paragraphs[1], StringComparison.Ordinal);
        Assert.Equal(["camera-angles", "camera-motion", "lighting", "color-palette", "style"], picks.Select(p => p.Category));
        var positions = picks.Select(p => paragraphs[1].IndexOf(p.Phrase, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.All(positions, at => Assert.True(at >= 0, paragraphs[1]));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task ExpandAsync_OutputOfExpand_CanBeEnhancedLikeAnyPrompt()
    {
        var expanded = await _engine.RunAsync(new TextOperation.Expand("a woman reads a letter in her kitchen"), CancellationToken.None);
        var picked = new IdeaExpander(Catalog).Pick("a woman reads a letter in her kitchen");
        var light = picked.Single(p => p.Category == "lighting");
        var candle = Catalog.FindEnhancement("lighting/candlelight")!;
        Assert.NotEqual(candle.Id, light.Id);

        var enhanced = _engine.Enhance(expanded.Text, [new(candle.Title, candle.Description, candle.Category)]);

        Assert.Contains("Lit by " + candle.Phrase, enhanced, StringComparison.Ordinal);
        Assert.DoesNotContain(light.Phrase, enhanced, StringComparison.Ordinal);
        Assert.All(picked.Where(p => p.Category != "lighting"), p => Assert.Contains(p.Phrase, enhanced, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(expanded.Text.Split("\n\n")[0], enhanced.Split("\n\n")[0]);
        Assert.Equal(2, enhanced.Split("\n\n").Length);
    }

    [Theory]
    [InlineData("a fox crossing a snowy road at night", "lighting/moonlight")]
    [InlineData("a woman walks through rain in a neon alley at midnight", "lighting/neon-glow")]
    [InlineData("a soldier writes a letter by candlelight in a trench", "lighting/candlelight")]
    [InlineData("deer grazing in a quiet forest clearing", "style/nature-documentary")]
    [InlineData("an astronaut plants a flag on mars", "style/sci-fi-epic")]
    [InlineData("a teenager roller-skates through a crowded mall in the 1980s", "style/vhs-camcorder", "style/vintage-super-8", "style/music-video")]
    [InlineData("a detective waits in a smoky office at night", "lighting/low-key-chiaroscuro", "lighting/practical-lamps", "lighting/volumetric-light-shafts")]
    [InlineData("a wolf howls on a snowy ridge under a full moon", "color-palette/cool-blue-monochrome")]
    [InlineData("an old man feeds pigeons on a park bench in autumn", "color-palette/autumn-amber")]
    [InlineData("a chef in a tiny kitchen plates a dessert", "camera-motion/slow-dolly-in", "camera-motion/handheld-follow", "camera-motion/locked-off-static")]
    public void Pick_IdeaThatCallsForACard_ChoosesOneThatFits(string idea, string card, params string[] alsoFitting)
    {
        var category = Catalog.FindEnhancement(card)!.Category;

        var pick = new IdeaExpander(Catalog).Pick(idea).Single(e => e.Category == category);

        Assert.Contains(pick.Id, alsoFitting.Prepend(card));
    }

    [Theory]
    [InlineData("Two kids racing paper boats down a flooded street after a storm.")]
    [InlineData("children chase bubbles in a sunny backyard")]
    [InlineData("a toddler takes her first steps across a sunny living room")]
    public void Pick_ChildrenInDaylight_NeverGetNeonOrNoir(string idea)
    {
        var picks = new IdeaExpander(Catalog).Pick(idea).Select(e => e.Id).ToList();

        Assert.DoesNotContain("lighting/neon-glow", picks);
        Assert.DoesNotContain("lighting/low-key-chiaroscuro", picks);
        Assert.DoesNotContain("style/neo-noir", picks);
        Assert.DoesNotContain("style/film-noir", picks);
        Assert.DoesNotContain("color-palette/cyberpunk-neon", picks);
    }

    [Theory]
    [InlineData("an old fisherman mends his net on a windy pier at dawn")]
    [InlineData("a horse gallops along a beach at sunrise")]
    public void Pick_DawnIdea_GetsNoNightLight(string idea)
    {
        var lighting = new IdeaExpander(Catalog).Pick(idea).Single(e => e.Category == "lighting");

        string[] night = ["lighting/moonlight", "lighting/neon-glow", "lighting/candlelight", "lighting/practical-lamps"];
        Assert.DoesNotContain(lighting.Id, night);
        Assert.DoesNotContain("sunset", lighting.Phrase, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Pick_SameIdeaInOtherCaseAndSpacing_ChoosesTheSameCards()
    {
        var expander = new IdeaExpander(Catalog);

        Assert.Equal(expander.Pick("a chef in a tiny kitchen plates a dessert"), expander.Pick("  A chef in a tiny   kitchen plates a dessert. "));
    }

    [Fact]
    public void CardFits_CoverEveryCardOfTheChosenCategoriesAndResolve()
    {
        var ids = CardFits.All.Select(f => f.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ids, id => Assert.Contains(Catalog.FindEnhancement(id)?.Category, CardFits.ChoiceOrder));
        var cards = CardFits.ChoiceOrder.SelectMany(c => Catalog.FindCategory(c)!.Enhancements).Select(e => e.Id);
        Assert.Equal(cards.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("a cat knocks a glass off the table and watches it fall", "a cat knocks a glass off the table, then watches it fall")]
    [InlineData("a runner crosses the line, and collapses", "a runner crosses the line, then collapses")]
    [InlineData("a boy jumps, spins and laughs", "a boy jumps, spins, then laughs")]
    [InlineData("a girl and her dog walk along the shore", "a girl and her dog walk along the shore")]
    [InlineData("a chef chops onions, then plates the dish and smiles", "a chef chops onions, then plates the dish and smiles")]
    [InlineData("fish and chips on a harbour wall", "fish and chips on a harbour wall")]
    public void Pace_IdeaWithSeveralActions_JoinsTheLastOneAsABeat(string idea, string paced)
    {
        Assert.Equal(paced, IdeaBeats.Pace(idea));
    }

    [Fact]
    public void Expand_EmptyIdea_GivesTheShotAlone()
    {
        var result = _engine.Expand("   ");

        Assert.StartsWith("In ", result, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result);
        Assert.Contains(" in a palette of ", result, StringComparison.Ordinal);
    }
}
