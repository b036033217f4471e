using Microsoft.Playwright;
using SoraPromptGenie.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SoraPromptGenie.BrowserTests.Studio;

/// <summary>Replacing and removing cards with the offline engine, whose labelled clauses make every card's text findable.</summary>
[Collection(OfflineGroup.Name)]
public sealed class StudioCardTests(OfflineStudioFixture fixture, ITestOutputHelper output) : StudioPageTest(fixture, output)
{
    private const string Idea = "a lighthouse keeper climbs the spiral stairs at dawn";
    private const string FirstLine = "The keeper stops to wipe salt from the lamp glass.";
    private const string SecondLine = "A gull lands on the railing outside.";

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
        Assert.Contains("Style: 16mm Documentary", replaced, StringComparison.Ordinal);
        Assert.Contains("Lighting: Neon Glow", replaced, StringComparison.Ordinal);
        Assert.DoesNotContain("Golden Hour", replaced, StringComparison.Ordinal);
        await Assertions.Expect(Card("lighting/golden-hour")).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(Card("style/16mm-documentary")).ToHaveAttributeAsync("aria-pressed", "true");

        await ApplyAsync("camera-angles/low-angle");
        await TypePromptAsync(await PromptValueAsync() + "\n" + SecondLine);
        await Page.GetByTestId("remove-camera-angles/low-angle").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("applied-camera-angles/low-angle")).ToHaveCountAsync(0);
        var removed = await SettledPromptAsync();
        Assert.DoesNotContain("Low Angle", removed, StringComparison.Ordinal);
        foreach (var kept in new[] { Idea, FirstLine, SecondLine, "Style: 16mm Documentary", "Lighting: Neon Glow" })
        {
            Assert.Contains(kept, removed, StringComparison.Ordinal);
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

    private async Task ApplyAsync(string cardId)
    {
        await Card(cardId).ClickAsync();
        await Assertions.Expect(Card(cardId)).ToHaveAttributeAsync("aria-pressed", "true");
        await SettledPromptAsync();
    }
}
