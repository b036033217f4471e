using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Offline;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Tests.Engines.Offline;

/// <summary>The offline engine writing for a target family: layout, sound, negatives, shots and the target's limit.</summary>
public sealed class OfflineTargetTests
{
    private const string Scene =
        "A woman walks through rain in a neon alley. The camera tracks her from behind. She says, \"We're late.\" " +
        "Thunder rumbles and music plays. No text on screen. The mood is tense.";

    private static readonly TargetCatalog Targets = TargetCatalog.LoadEmbedded();
    private static readonly PromptCatalog Catalog = PromptCatalog.LoadEmbedded();
    private static readonly EnhancementSpec SlowMotion = new("Slow Motion", "Movement plays at half speed.", "motion-timing");
    private static readonly EnhancementSpec Moonlight = new("Cool Moonlight", "Pale blue moonlight from above.", "lighting");

    private readonly OfflinePromptEngine _engine = new(Catalog);

    [Fact]
    public async Task Structure_RunwayGen45_MotionFirstPositiveAndSilentWithWarnings()
    {
        var result = await StructureAsync("runway-gen4.5", Scene);

        Assert.Equal("A woman walks through rain in a neon alley. The camera tracks her from behind. The mood is tense.", result.Text);
        Assert.Collection(
            result.Warnings!,
            w => Assert.Equal("Left out \"No text on screen.\": Runway Gen-4.5 works best with positive phrasing, so describe what should be there instead.", w),
            w => Assert.Equal("Left out the dialogue and sound, \"She says, \"We're late.\" Thunder rumbles and music plays.\": Runway Gen-4.5 makes silent video.", w));
    }

    [Fact]
    public async Task Structure_RunwayGen45_BeatsOpenThePromptBeforeTheScene()
    {
        var result = await StructureAsync("runway-gen4.5", "A quiet harbour at dawn with fishing boats. A gull lands on a post, folds its wings and looks around. Warm light.");

        Assert.StartsWith("A gull lands on a post, folds its wings and looks around.", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("veo-3.1")]
    [InlineData("seedance-2.0")]
    [InlineData("gemini-omni-1.1-flash")]
    public async Task Structure_TargetWithSound_EndsWithAnAudioLineHoldingTheQuotedDialogueAndTheSound(string id)
    {
        var result = await StructureAsync(id, Scene);

        var audio = result.Text.Split("\n\n")[^1];
        Assert.Equal("Audio: She says, \"We're late.\" Thunder rumbles and music plays.", audio);
        Assert.DoesNotContain("We're late", result.Text.Split("\n\n")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Structure_Veo_TakesNegativesOutForItsFieldAndSaysSo()
    {
        var result = await StructureAsync("veo-3.1", Scene);

        Assert.DoesNotContain("No text on screen", result.Text, StringComparison.Ordinal);
        Assert.Contains("Veo 3.1 (Vertex AI) takes it in its parameters.negativePrompt field", Assert.Single(result.Warnings!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gemini-omni-1.1-flash")]
    [InlineData("seedance-2.0")]
    [InlineData("luma-ray-3.2")]
    public async Task Structure_TargetThatFoldsNegatives_KeepsTheNoSentence(string id)
    {
        var result = await StructureAsync(id, Scene);

        Assert.Contains("No text on screen.", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Structure_GeminiOmni_OpensWithOneContinuousShotUnlessShotsAreNamed()
    {
        var single = await StructureAsync("gemini-omni-1.1-flash", Scene);
        var several = await StructureAsync("gemini-omni-1.1-flash", "A woman walks in the rain. Two shots: first wide, then a cut to her face.");

        Assert.StartsWith("In a single continuous shot, no scene cuts. A woman walks", single.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("single continuous shot", several.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Structure_LumaSilentTarget_HasNoAudioAndNoDialogue()
    {
        var result = await StructureAsync("luma-ray-3.2", Scene);

        Assert.DoesNotContain("Audio:", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("late", result.Text, StringComparison.Ordinal);
        Assert.Contains("makes silent video", Assert.Single(result.Warnings!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("runway-gen4.5")]
    [InlineData("veo-3.1")]
    [InlineData("gemini-omni-1.1-flash")]
    [InlineData("seedance-2.0")]
    [InlineData("luma-ray-3.2")]
    [InlineData("kling-v3")]
    [InlineData("generic")]
    public async Task Structure_AnyTarget_StructuringTwiceChangesNothing(string id)
    {
        var once = await StructureAsync(id, Scene);
        var twice = await StructureAsync(id, once.Text);

        Assert.Equal(once.Text, twice.Text);
    }

    [Theory]
    [InlineData("runway-gen4.5")]
    [InlineData("veo-3.1")]
    [InlineData("gemini-omni-1.1-flash")]
    [InlineData("luma-ray-3.2")]
    [InlineData("kling-v3")]
    public async Task Structure_ExpandedIdeaForATarget_KeepsTheShotSentencesAndIsStable(string id)
    {
        const string idea = "a red fox trots across a snowy field at night";
        var cards = new IdeaExpander(Catalog).Pick(idea);
        var expanded = await _engine.RunAsync(new TextOperation.Expand(idea) { Target = Targets.Find(id) }, CancellationToken.None);

        var once = await StructureAsync(id, expanded.Text);
        var twice = await StructureAsync(id, once.Text);

        Assert.StartsWith("A red fox trots across a snowy field at night.", once.Text.Replace("In a single continuous shot, no scene cuts. ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var camera = cards.Single(c => c.Category == "camera-angles").Phrase;
        var move = cards.Single(c => c.Category == "camera-motion").Phrase;
        Assert.Contains($"In {camera}, {move}.", once.Text, StringComparison.Ordinal);
        Assert.All(cards, c => Assert.Contains(c.Phrase, once.Text, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(once.Text, twice.Text);
    }

    [Fact]
    public async Task Structure_Sora2Target_IsTheSoraTemplateAsWithoutATarget()
    {
        var withTarget = await StructureAsync("sora-2", Scene);
        var without = await _engine.RunAsync(new TextOperation.Structure(Scene), CancellationToken.None);

        Assert.Equal(without.Text, withTarget.Text);
    }

    [Fact]
    public async Task Expand_TargetWithSound_AddsTheAudioLineLast_SilentTargetDoesNot()
    {
        var veo = await _engine.RunAsync(new TextOperation.Expand("a fox crossing a snowy road at night") { Target = Targets.Find("veo-3.1") }, CancellationToken.None);
        var luma = await _engine.RunAsync(new TextOperation.Expand("a fox crossing a snowy road at night") { Target = Targets.Find("luma-ray-3.2") }, CancellationToken.None);

        Assert.EndsWith("\n\nAudio: Natural ambient sound of the setting.", veo.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Audio:", luma.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enhance_RunwayGen45_MotionCardsComeFirstAmongTheClauses()
    {
        var result = await _engine.RunAsync(
            new TextOperation.Enhance("A fox crosses a snowy road.", [Moonlight, SlowMotion]) { Target = Targets.Find("runway-gen4.5") }, CancellationToken.None);
        var plain = await _engine.RunAsync(new TextOperation.Enhance("A fox crosses a snowy road.", [Moonlight, SlowMotion]), CancellationToken.None);

        Assert.Equal(
            "A fox crosses a snowy road.\n\nMotion & Timing: Slow Motion — movement plays at half speed.\nLighting: Cool Moonlight — pale blue moonlight from above.",
            result.Text);
        Assert.Equal(
            "A fox crosses a snowy road.\n\nLighting: Cool Moonlight — pale blue moonlight from above.\nMotion & Timing: Slow Motion — movement plays at half speed.",
            plain.Text);
    }

    [Fact]
    public async Task Enhance_TargetWithAudioLine_KeepsTheAudioLineAfterTheNewClause()
    {
        var result = await _engine.RunAsync(
            new TextOperation.Enhance("A fox crosses a snowy road.\nAudio: Wind howls.", [Moonlight]) { Target = Targets.Find("seedance-2.0") }, CancellationToken.None);

        Assert.Equal("A fox crosses a snowy road.\n\nLighting: Cool Moonlight — pale blue moonlight from above.\n\nAudio: Wind howls.", result.Text);
    }

    [Fact]
    public async Task Expand_TargetLimit_ResultFitsTheLimitAndWarnsWithItsUnit()
    {
        var idea = string.Join(' ', Enumerable.Repeat("A red fox trots across a snowy mountain road under a wide starry sky.", 20));

        var result = await _engine.RunAsync(new TextOperation.Expand(idea) { Target = Targets.Find("runway-gen4.5") }, CancellationToken.None);

        Assert.True(result.Text.Length <= 1000);
        Assert.All(new IdeaExpander(Catalog).Pick(idea), card => Assert.Contains(card.Phrase, result.Text, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(
            "To keep the result within Runway Gen-4.5's prompt limit of 1,000 UTF-16 code units, some of its last sentences were left out.",
            Assert.Single(result.Warnings!));
    }

    [Fact]
    public async Task Structure_TargetLimitInWords_ResultFitsInWords()
    {
        var limited = Targets.Find("seedance-2.0")! with { PromptLimit = new TargetPromptLimit(40, PromptLimitUnit.Words, "test") };
        var prompt = string.Join(' ', Enumerable.Repeat("A red fox trots across a snowy mountain road.", 12));

        var result = await _engine.RunAsync(new TextOperation.Structure(prompt) { Target = limited }, CancellationToken.None);

        Assert.True(limited.PromptLimit!.Fits(result.Text), result.Text);
        Assert.Contains("limit of 40 words", Assert.Single(result.Warnings!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggest_SilentTarget_LeavesOutCardsAboutSound()
    {
        var mood = Catalog.FindCategory("mood")!;
        var all = await _engine.RunAsync(new SuggestionRequest(mood, 20, null), CancellationToken.None);
        var silent = await _engine.RunAsync(new SuggestionRequest(mood, 20, null) { Target = Targets.Find("runway-gen4.5") }, CancellationToken.None);
        var withSound = await _engine.RunAsync(new SuggestionRequest(mood, 20, null) { Target = Targets.Find("veo-3.1") }, CancellationToken.None);

        Assert.Contains(all.Suggestions, s => s.Description.Contains("sound", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(silent.Suggestions, s => s.Description.Contains("sound", StringComparison.OrdinalIgnoreCase) || s.Description.Contains("silence", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(silent.Suggestions);
        Assert.Equal(all.Suggestions, withSound.Suggestions);
    }

    [Fact]
    public async Task Suggest_SilentTarget_KeepsTheMusicVideoStyle()
    {
        var style = Catalog.FindCategory("style")!;

        var silent = await _engine.RunAsync(new SuggestionRequest(style, 20, null) { Target = Targets.Find("luma-ray-3.2") }, CancellationToken.None);

        Assert.Contains(silent.Suggestions, s => s.Title == "Music Video");
    }

    private Task<EngineText> StructureAsync(string id, string prompt) =>
        _engine.RunAsync(new TextOperation.Structure(prompt) { Target = Targets.Find(id) }, CancellationToken.None);
}
