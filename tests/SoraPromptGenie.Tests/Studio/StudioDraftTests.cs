using System.Text.Json.Nodes;
using SoraPromptGenie.Studio;

namespace SoraPromptGenie.Tests.Studio;

public sealed class StudioDraftTests : StudioTestContext
{
    private const string Scene = "A red fox trots across a snowy country road at night";
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
    private static readonly StudioCard GoldenHour = new("lighting/golden-hour", "Golden Hour", "Warm low sun.", "lighting");
    private static readonly StudioCard Fresh = new("fresh:mist", "Morning mist — “soft”", "Low mist.", "weather", Fresh: true);

    [Fact]
    public void ToJson_ThenFromJson_GivesBackTextHistoryAndCards()
    {
        var cards = AppliedSet.Of([GoldenHour, Fresh]);
        var draft = new StudioDraft(
            Scene + "\nTyped after the last entry.",
            [Entry(string.Empty, AppliedSet.Empty, "Start"), Entry(Scene, cards, "Golden Hour"), Entry(Scene + "!", cards, "Edited")],
            CurrentIndex: 1);

        var restored = StudioDraft.FromJson(draft.ToJson());

        Assert.NotNull(restored);
        Assert.Equal(draft.Text, restored.Text);
        Assert.Equal(1, restored.CurrentIndex);
        Assert.Equal(draft.History.Select(e => (e.Text, e.Label, e.At)), restored.History.Select(e => (e.Text, e.Label, e.At)));
        Assert.Equal([GoldenHour, Fresh], restored.History[1].Applied.Cards);
        Assert.Same(restored.History[1].Applied, restored.History[2].Applied);
        Assert.Same(AppliedSet.Empty, restored.History[0].Applied);
    }

    [Fact]
    public void ToJson_HistoryOverBudget_DropsOldestEntriesAndKeepsCurrent()
    {
        var big = new string('x', 9_000);
        var entries = Enumerable.Range(0, 60).Select(i => Entry(big + i, AppliedSet.Empty, "Edited")).ToList();
        var draft = new StudioDraft(big, entries, CurrentIndex: 50);

        var json = draft.ToJson();
        var restored = StudioDraft.FromJson(json)!;

        Assert.True(json.Length <= StudioDraft.MaxChars, $"{json.Length} characters");
        Assert.True(restored.History.Count < 60);
        Assert.Equal(big + "50", restored.History[restored.CurrentIndex].Text);
        Assert.Equal(big + "59", restored.History[^1].Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"text\": \"half")]
    [InlineData("[1, 2]")]
    [InlineData("{\"text\": 42}")]
    [InlineData("{\"history\": \"no\"}")]
    [InlineData("{}")]
    public void FromJson_NotADraft_IsNull(string json)
    {
        var draft = StudioDraft.FromJson(json);

        Assert.Null(draft);
    }

    [Theory]
    [InlineData("current", 5)]
    [InlineData("current", -1)]
    [InlineData("applied", 7)]
    [InlineData("twoLightingCards", 0)]
    [InlineData("longText", 0)]
    [InlineData("emptyLabel", 0)]
    public void FromJson_BrokenDraft_IsNull(string breakage, int value)
    {
        var document = JsonNode.Parse(new StudioDraft(Scene, [Entry(Scene, AppliedSet.Of([GoldenHour]), "Golden Hour")], 0).ToJson())!;
        switch (breakage)
        {
            case "current":
                document["current"] = value;
                break;
            case "applied":
                document["history"]![0]!["applied"] = new JsonArray(value);
                break;
            case "twoLightingCards":
                document["cards"]!.AsArray().Add(JsonNode.Parse("""{"id":"lighting/neon-glow","title":"Neon Glow","description":"","category":"lighting"}"""));
                document["history"]![0]!["applied"] = new JsonArray(0, 1);
                break;
            case "longText":
                document["text"] = new string('x', 10_001);
                break;
            default:
                document["history"]![0]!["label"] = string.Empty;
                break;
        }

        var draft = StudioDraft.FromJson(document.ToJsonString());

        Assert.Null(draft);
    }

    [Fact]
    public void FromJson_TextOnly_KeepsTextWithoutHistory()
    {
        var draft = StudioDraft.FromJson("{\"text\":\"a fox at dawn\"}");

        Assert.Equal(("a fox at dawn", 0), (draft?.Text, draft?.History.Count));
    }

    [Fact]
    public async Task RestoreDraft_FreshSession_BringsBackTextCardsAndUndo()
    {
        Session.Edit(Scene);
        await Session.ToggleCardAsync(StudioCard.From(Catalog.FindEnhancement("lighting/golden-hour")!), CancellationToken.None);
        Session.Edit(Session.Prompt + "\nTyped.");
        var json = Session.CaptureDraft().ToJson();
        await using var other = new FreshStudio();

        var restored = other.StudioSession.RestoreDraft(StudioDraft.FromJson(json)!);

        Assert.True(restored);
        Assert.Equal(Session.Prompt, other.StudioSession.Prompt);
        Assert.True(other.StudioSession.Applied.IsApplied("lighting/golden-hour"));
        other.StudioSession.Undo();
        Assert.Equal(Session.History.Entries[^1].Text, other.StudioSession.Prompt);
        other.StudioSession.Undo();
        Assert.Equal(Scene, other.StudioSession.Prompt);
        Assert.Equal(0, other.StudioSession.Applied.Count);
    }

    [Fact]
    public void RestoreDraft_SessionAlreadyInUse_ChangesNothing()
    {
        Session.Edit(Scene);

        var restored = Session.RestoreDraft(new StudioDraft("something else", [], 0));

        Assert.False(restored);
        Assert.Equal(Scene, Session.Prompt);
    }

    [Fact]
    public async Task DraftVersion_TypingOnly_StaysAndStateChangesGrowIt()
    {
        var start = Session.DraftVersion;
        Session.Edit(Scene);
        var afterTyping = Session.DraftVersion;

        await Session.ToggleCardAsync(StudioCard.From(Catalog.FindEnhancement("lighting/golden-hour")!), CancellationToken.None);

        Assert.Equal(start, afterTyping);
        Assert.True(Session.DraftVersion > afterTyping);
    }

    private static HistoryEntry Entry(string text, AppliedSet applied, string label) => new(text, applied, label, At);

    /// <summary>A second studio, as a new page in the same browser would get.</summary>
    private sealed class FreshStudio : StudioTestContext
    {
        public StudioSession StudioSession => Session;
    }
}
