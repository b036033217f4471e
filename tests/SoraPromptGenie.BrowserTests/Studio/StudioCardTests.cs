using Microsoft.Playwright;
using SoraPromptGenie.BrowserTests.Infrastructure;
using SoraPromptGenie.Core.Catalog;
using Xunit.Abstractions;

namespace SoraPromptGenie.BrowserTests.Studio;

/// <summary>Replacing and removing cards with the offline engine, which writes every card into the prose from its catalog phrase.</summary>
[Collection(OfflineGroup.Name)]
public sealed class StudioCardTests(OfflineStudioFixture fixture, ITestOutputHelper output) : StudioPageTest(fixture, output)
{
    private const string Idea = "a lighthouse keeper climbs the spiral stairs at dawn";
    private const string FirstLine = "The keeper stops to wipe salt from the lamp glass.";
    private const string SecondLine = "A gull lands on the railing outside.";

    private static readonly PromptCatalog Catalog = PromptCatalog.LoadEmbedded();

    [Fact]
    public async Task Cards_ReplaceAndRemoveAfterTyping_KeepTypedLinesAndOtherCards()
    {
        await OpenStudioAsync();
        await TypePromptAsync(Idea);
        await ApplyAsync("lighting/golden-hour");
        await ApplyAsync("style/16mm-documentary");
        await TypePromptAsync(await PromptValueAsync() + "\n" + FirstLine);

        await ApplyAsync("lighting/neon-glow");

        var replaced = await SettledPromptAsync();
        Assert.Contains(Idea, replaced, StringComparison.Ordinal);
        Assert.Contains(FirstLine, replaced, StringComparison.Ordinal);
        Assert.Contains(Phrase("style/16mm-documentary"), replaced, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Phrase("lighting/neon-glow"), replaced, StringComparison.Ordinal);
        Assert.DoesNotContain(Phrase("lighting/golden-hour"), replaced, StringComparison.Ordinal);
        await Assertions.Expect(Card("lighting/golden-hour")).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(Card("style/16mm-documentary")).ToHaveAttributeAsync("aria-pressed", "true");

        await ApplyAsync("camera-angles/low-angle");
        await TypePromptAsync(await PromptValueAsync() + "\n" + SecondLine);
        await Page.GetByTestId("remove-camera-angles/low-angle").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("applied-camera-angles/low-angle")).ToHaveCountAsync(0);
        var removed = await SettledPromptAsync();
        Assert.DoesNotContain(Phrase("camera-angles/low-angle"), removed, StringComparison.Ordinal);
        foreach (var kept in new[] { Idea, FirstLine, SecondLine, Phrase("style/16mm-documentary"), Phrase("lighting/neon-glow") })
        {
            Assert.Contains(kept, removed, StringComparison.OrdinalIgnoreCase);
        }

        await Assertions.Expect(Page.GetByTestId("applied-lighting/neon-glow")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("applied-style/16mm-documentary")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("notice")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Cards_ClickAppliedCard_RemovesItAndRestoresPrompt()
    {
        await OpenStudioAsync();
        var starter = await UseStarterAsync();
        await Page.Locator("[data-testid='category-camera-angles'] [data-testid='card']").First.ClickAsync();
        var applied = Page.Locator("[data-testid='category-camera-angles'] [data-testid='card'][aria-pressed='true']");
        await Assertions.Expect(applied).ToHaveCountAsync(1);

        await applied.ClickAsync();

        await Assertions.Expect(Prompt).ToHaveValueAsync(starter);
        await Assertions.Expect(applied).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Cards_RemoveCardWhoseLineWasDeleted_SaysTextIsUnchanged()
    {
        await OpenStudioAsync();
        await TypePromptAsync(Idea);
        await ApplyAsync("lighting/golden-hour");
        await TypePromptAsync(Idea + "\n" + FirstLine);

        await Page.GetByTestId("remove-lighting/golden-hour").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("notice")).ToContainTextAsync("Golden Hour");
        await Assertions.Expect(Prompt).ToHaveValueAsync(Idea + "\n" + FirstLine);
        await Assertions.Expect(Page.GetByTestId("applied-lighting/golden-hour")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AutoGenerate_OfflineShot_ShowsTheCardsItWroteAsRemovableChips()
    {
        await OpenStudioAsync();
        await TypePromptAsync(Idea);

        await Page.GetByTestId("auto-generate").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("history-entry").First).ToContainTextAsync("Auto-generated");
        var generated = await SettledPromptAsync();
        var chips = Page.Locator("[data-testid^='applied-'][data-testid*='/']");
        await Assertions.Expect(chips).ToHaveCountAsync(5);
        var chipIds = await chips.EvaluateAllAsync<string[]>("chips => chips.map(c => c.dataset.testid.substring('applied-'.length))");
        foreach (var id in chipIds)
        {
            Assert.Contains(Phrase(id), generated, StringComparison.OrdinalIgnoreCase);
        }

        var lighting = Assert.Single(chipIds, id => id.StartsWith("lighting/", StringComparison.Ordinal));
        await Assertions.Expect(Card(lighting)).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(Page.GetByTestId("remove-" + lighting)).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex(@"^Remove .+ \(Lighting\)$"));
        await Page.GetByTestId("remove-" + lighting).ClickAsync();

        await Assertions.Expect(Page.GetByTestId("applied-" + lighting)).ToHaveCountAsync(0);
        var removed = await SettledPromptAsync();
        Assert.DoesNotContain(Phrase(lighting), removed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Idea, removed, StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(chips).ToHaveCountAsync(4);
    }

    private static string Phrase(string cardId) => Catalog.FindEnhancement(cardId)!.Phrase;

    private async Task ApplyAsync(string cardId)
    {
        await Card(cardId).ClickAsync();
        await Assertions.Expect(Card(cardId)).ToHaveAttributeAsync("aria-pressed", "true");
        await SettledPromptAsync();
    }
}
