using Microsoft.Playwright;
using SoraPromptGenie.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SoraPromptGenie.BrowserTests.Studio;

/// <summary>The editor's draft (text, applied cards, history) survives reloads and the library's form posts.</summary>
[Collection(OfflineGroup.Name)]
public sealed class StudioDraftTests(OfflineStudioFixture fixture, ITestOutputHelper output) : StudioPageTest(fixture, output)
{
    private const string Idea = "a lighthouse keeper climbs the spiral stairs at dawn";
    private const string OwnLine = "The keeper stops to wipe salt from the lamp glass.";

    [Fact]
    public async Task Reload_AfterCardAndTyping_RestoresTextCardsAndHistory()
    {
        await OpenStudioAsync();
        await TypePromptAsync(Idea);
        var withCard = await ApplyAsync("lighting/golden-hour");
        var typed = withCard + "\n" + OwnLine;
        await TypePromptAsync(typed);
        await Assertions.Expect(Page.GetByTestId("history-entry")).ToHaveCountAsync(4, new() { Timeout = 6_000 });

        await Page.ReloadAsync();
        await Assertions.Expect(Page.GetByTestId("studio")).ToHaveAttributeAsync("data-interactive", "true");

        await Assertions.Expect(Prompt).ToHaveValueAsync(typed);
        await Assertions.Expect(Card("lighting/golden-hour")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(Page.GetByTestId("history-entry")).ToHaveCountAsync(4);
        await Page.GetByTestId("undo").ClickAsync();
        await Assertions.Expect(Prompt).ToHaveValueAsync(withCard);
        await Page.GetByTestId("undo").ClickAsync();
        await Assertions.Expect(Prompt).ToHaveValueAsync(Idea);
        await Assertions.Expect(Card("lighting/golden-hour")).ToHaveAttributeAsync("aria-pressed", "false");
    }

    [Fact]
    public async Task LibraryFormPosts_CreateSignOutSignIn_KeepEditorState()
    {
        await OpenStudioAsync();
        await TypePromptAsync(Idea);
        var text = await ApplyAsync("camera-angles/low-angle") + "\n" + OwnLine;
        await TypePromptAsync(text);

        await Page.GetByTestId("create-workspace").ClickAsync();
        await ExpectEditorKeptAsync(text);
        var key = await Page.GetByTestId("new-key").InputValueAsync();

        await Page.GetByTestId("signout").ClickAsync();
        await Page.GetByTestId("signout-confirm-button").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("workspace-outcome")).ToContainTextAsync("Signed out");
        await ExpectEditorKeptAsync(text);

        await Page.GetByTestId("signin-key").FillAsync(key);
        await Page.GetByTestId("signin").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("workspace-outcome")).ToContainTextAsync("Signed in");
        await ExpectEditorKeptAsync(text);
    }

    [Theory]
    [InlineData("{\"text\": \"half a draft")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"text\": 42, \"history\": \"no\"}")]
    public async Task Open_CorruptStoredDraft_StartsEmptyWithoutErrors(string stored)
    {
        // Seeded once per tab, so the reload below sees what the studio itself stored.
        await Context.AddInitScriptAsync(
            "if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); "
            + $"localStorage.setItem('spg.draft.v1', {System.Text.Json.JsonSerializer.Serialize(stored)}); }}");

        await OpenStudioAsync();

        await Assertions.Expect(Prompt).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(Page.GetByTestId("empty-state")).ToBeVisibleAsync();
        await TypePromptAsync(Idea);
        await Page.ReloadAsync();
        await Assertions.Expect(Page.GetByTestId("studio")).ToHaveAttributeAsync("data-interactive", "true");
        await Assertions.Expect(Prompt).ToHaveValueAsync(Idea);
    }

    /// <summary>Clicks a card and returns the prompt once the card is in it.</summary>
    private async Task<string> ApplyAsync(string cardId)
    {
        await Card(cardId).ClickAsync();
        await Assertions.Expect(Card(cardId)).ToHaveAttributeAsync("aria-pressed", "true");
        return await SettledPromptAsync();
    }

    private async Task ExpectEditorKeptAsync(string text)
    {
        await Assertions.Expect(Page.GetByTestId("studio")).ToHaveAttributeAsync("data-interactive", "true");
        await Assertions.Expect(Prompt).ToHaveValueAsync(text);
        await Assertions.Expect(Card("camera-angles/low-angle")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(Page.GetByTestId("history-entry").Filter(new() { HasText = "Low Angle" })).ToHaveCountAsync(1);
    }
}
