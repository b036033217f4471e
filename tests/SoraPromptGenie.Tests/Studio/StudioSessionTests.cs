using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Ops;
using SoraPromptGenie.Studio;

namespace SoraPromptGenie.Tests.Studio;

public sealed class StudioSessionTests : StudioTestContext
{
    private const string Scene = "A red fox trots across a snowy country road at night";
    private const string OwnLine = "It stops once to listen.";

    [Fact]
    public async Task ToggleCard_OtherCardOfCategoryAfterTyping_SwapsOnlyThatCardInCurrentText()
    {
        Session.Edit(Scene);
        var golden = Card("lighting/golden-hour");
        var documentary = Card("style/16mm-documentary");
        var neon = Card("lighting/neon-glow");
        await Session.ToggleCardAsync(golden, CancellationToken.None);
        await Session.ToggleCardAsync(documentary, CancellationToken.None);
        var typed = Session.Prompt + "\n" + OwnLine;
        Session.Edit(typed);

        await Session.ToggleCardAsync(neon, CancellationToken.None);

        var (prompt, enhancements, removing) = Engine.Enhancements[^1];
        Assert.Equal(typed, prompt);
        Assert.Equal("Neon Glow", Assert.Single(enhancements).Title);
        Assert.Equal("Golden Hour", Assert.Single(removing).Title);
        Assert.Contains(OwnLine, Session.Prompt, StringComparison.Ordinal);
        Assert.Contains(Phrase(documentary), Session.Prompt, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Lit by " + Phrase(neon), Session.Prompt, StringComparison.Ordinal);
        Assert.DoesNotContain(Phrase(golden), Session.Prompt, StringComparison.Ordinal);
        Assert.Equal([neon, documentary], Session.Applied.Cards);
        Assert.Equal("Neon Glow (replaced Golden Hour)", Session.History.Current.Label);
    }

    [Fact]
    public async Task ToggleCard_AppliedCardAfterTyping_TakesOnlyItsClauseOutOfCurrentText()
    {
        Session.Edit(Scene);
        var golden = Card("lighting/golden-hour");
        var lowAngle = Card("camera-angles/low-angle");
        await Session.ToggleCardAsync(golden, CancellationToken.None);
        await Session.ToggleCardAsync(lowAngle, CancellationToken.None);
        Session.Edit(Session.Prompt + "\n" + OwnLine);

        await Session.ToggleCardAsync(lowAngle, CancellationToken.None);

        Assert.Equal("Low Angle", Assert.Single(Engine.Enhancements[^1].Removing).Title);
        Assert.Empty(Engine.Enhancements[^1].Enhancements);
        Assert.Equal(Scene + "\n\n" + OwnLine + "\n\nLit by " + Phrase(golden) + ".", Session.Prompt);
        Assert.DoesNotContain(Phrase(lowAngle), Session.Prompt, StringComparison.Ordinal);
        Assert.Equal([golden], Session.Applied.Cards);
        Assert.Null(Session.Notice);
    }

    [Fact]
    public async Task ToggleCard_AppliedCardWhoseLineWasDeletedByHand_SaysTextIsUnchanged()
    {
        Session.Edit(Scene);
        var golden = Card("lighting/golden-hour");
        await Session.ToggleCardAsync(golden, CancellationToken.None);
        Session.Edit(Scene);

        await Session.ToggleCardAsync(golden, CancellationToken.None);

        Assert.Equal(Scene, Session.Prompt);
        Assert.Equal(0, Session.Applied.Count);
        Assert.Equal(NoticeKind.Info, Session.Notice?.Kind);
        Assert.Contains("Golden Hour", Session.Notice?.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyPreset_FourEnhancements_OneEngineCallAndAllApplied()
    {
        Session.Edit(Scene);
        var preset = Catalog.Presets[0];

        await Session.ApplyPresetAsync(preset, CancellationToken.None);

        Assert.Equal(1, Engine.Calls);
        Assert.Equal(4, Engine.Enhancements[0].Enhancements.Count);
        Assert.All(preset.Enhancements, id => Assert.True(Session.Applied.IsApplied(id)));
    }

    [Fact]
    public async Task ApplyPreset_CategoryAlreadyHasOtherCard_SwapsItAndKeepsTypedText()
    {
        var preset = Catalog.Presets[0];
        var presetCard = Catalog.FindEnhancement(preset.Enhancements[0])!;
        var other = Catalog.FindCategory(presetCard.Category)!.Enhancements.First(e => e.Id != presetCard.Id);
        Session.Edit(Scene);
        await Session.ToggleCardAsync(StudioCard.From(other), CancellationToken.None);
        Session.Edit(Session.Prompt + "\n" + OwnLine);

        await Session.ApplyPresetAsync(preset, CancellationToken.None);

        Assert.Equal(other.Title, Assert.Single(Engine.Enhancements[^1].Removing).Title);
        Assert.Contains(OwnLine, Session.Prompt, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Phrase, Session.Prompt, StringComparison.OrdinalIgnoreCase);
        Assert.All(preset.Enhancements, id => Assert.Contains(Catalog.FindEnhancement(id)!.Phrase, Session.Prompt, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(4, Session.Applied.Count);
    }

    [Fact]
    public async Task AutoGenerate_OverAiLimit_ShowsRetryMessageAndSkipsEngine()
    {
        await using var limited = new LimitedContext();
        var session = limited.StudioSession;
        session.Edit(Scene);
        await session.AutoGenerateAsync(CancellationToken.None);
        session.Edit(Scene);

        await session.AutoGenerateAsync(CancellationToken.None);

        Assert.Equal(1, limited.EngineCalls);
        Assert.Equal(Scene, session.Prompt);
        Assert.Equal(NoticeKind.Warning, session.Notice!.Kind);
        Assert.StartsWith("Too many requests — try again in ", session.Notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoGenerate_UpstreamTimeout_KeepsPromptAndExplains()
    {
        Session.Edit(Scene);
        Engine.Failure = new UpstreamException(UpstreamFailure.Timeout, "timed out");

        await Session.AutoGenerateAsync(CancellationToken.None);

        Assert.Equal(Scene, Session.Prompt);
        Assert.Null(Session.Busy);
        Assert.Equal(NoticeKind.Error, Session.Notice!.Kind);
        Assert.Contains("took too long", Session.Notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoGenerate_FallbackReason_SaysOfflineEngineAnswered()
    {
        Session.Edit(Scene);
        Engine.FallbackReason = "upstream_unavailable";

        await Session.AutoGenerateAsync(CancellationToken.None);

        Assert.NotEqual(Scene, Session.Prompt);
        Assert.Equal("offline", Session.EngineLabel);
        Assert.StartsWith("LLM unavailable — answered by the offline engine", Session.Notice!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoGenerate_OfflineShot_MarksTheCardsItWroteAsApplied()
    {
        Session.Edit(Scene);

        await Session.AutoGenerateAsync(CancellationToken.None);

        Assert.Equal(5, Session.Applied.Count);
        Assert.Equal(5, Session.Applied.Cards.Select(c => c.CategoryId).Distinct().Count());
        Assert.All(Session.Applied.Cards, c => Assert.Contains(Phrase(c), Session.Prompt, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Session.Applied.Cards, Session.History.Current.Applied.Cards);
    }

    [Fact]
    public async Task AutoGenerate_AnswerWithoutCatalogPhrases_LeavesTheStripEmpty()
    {
        Session.Edit(Scene);
        await Session.ToggleCardAsync(Card("lighting/golden-hour"), CancellationToken.None);
        Engine.ExpandAnswer = "A fox crosses a road under a street lamp; the camera follows from behind.";

        await Session.AutoGenerateAsync(CancellationToken.None);

        Assert.Equal(0, Session.Applied.Count);
    }

    [Fact]
    public async Task Undo_AfterAutoGenerate_ReturnsToTypedIdeaAndRedoComesBack()
    {
        Session.Edit(Scene);
        await Session.AutoGenerateAsync(CancellationToken.None);
        var generated = Session.Prompt;

        Session.Undo();
        var undone = Session.Prompt;
        Session.Redo();

        Assert.Equal(Scene, undone);
        Assert.Equal(generated, Session.Prompt);
    }

    [Fact]
    public async Task Undo_AfterCard_BringsBackAppliedMarksWithText()
    {
        Session.Edit(Scene);
        var golden = Card("lighting/golden-hour");
        await Session.ToggleCardAsync(golden, CancellationToken.None);

        Session.Undo();
        var afterUndo = Session.Applied.IsApplied(golden.Id);
        Session.Redo();

        Assert.False(afterUndo);
        Assert.True(Session.Applied.IsApplied(golden.Id));
    }

    [Fact]
    public async Task AutoGenerate_StreamCutAfterFirstDelta_ShowedArrivingTextThenKeepsPrompt()
    {
        Session.Edit(Scene);
        Engine.MidStreamFailure = new UpstreamException(UpstreamFailure.Error, "connection reset");
        var seen = new List<string>();
        Session.StreamUpdated += () => seen.Add(Session.DisplayedPrompt);

        await Session.AutoGenerateAsync(CancellationToken.None);

        Assert.NotEmpty(seen);
        Assert.NotEqual(Scene, seen[0]);
        Assert.Null(Session.Streaming);
        Assert.Equal(Scene, Session.Prompt);
        Assert.Equal(Scene, Session.DisplayedPrompt);
        Assert.Equal(NoticeKind.Error, Session.Notice!.Kind);
    }

    [Fact]
    public void CanAutoGenerate_TwoWords_IsFalse()
    {
        Session.Edit("two words");

        var enabled = Session.CanAutoGenerate;

        Assert.False(enabled);
    }

    [Fact]
    public async Task RefreshSuggestions_Category_StoresFreshCardsForThatCategory()
    {
        Session.Edit(Scene);

        await Session.RefreshSuggestionsAsync("lighting", CancellationToken.None);

        var fresh = Assert.Contains("lighting", Session.Fresh);
        Assert.NotEmpty(fresh);
        Assert.All(fresh, card => Assert.True(card.Fresh && card.CategoryId == "lighting"));
    }

    private StudioCard Card(string id) => StudioCard.From(Catalog.FindEnhancement(id)!);

    /// <summary>The words the offline engine writes a card into the prompt with.</summary>
    private string Phrase(StudioCard card) => Catalog.FindEnhancement(card.Id)!.Phrase;

    private sealed class LimitedContext() : StudioTestContext("1/900")
    {
        public StudioSession StudioSession => Session;

        public int EngineCalls => Engine.Calls;
    }
}
