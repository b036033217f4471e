using Microsoft.Playwright;
using SoraPromptGenie.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SoraPromptGenie.BrowserTests.Studio;

/// <summary>The studio with only a keyboard, and on a phone where the prompt and the cards are far apart.</summary>
[Collection(OfflineGroup.Name)]
public sealed class StudioKeyboardAndPhoneTests(OfflineStudioFixture fixture, ITestOutputHelper output) : StudioPageTest(fixture, output)
{
    private const string Idea = "a lighthouse keeper climbs the spiral stairs at dawn";

    [Fact]
    public async Task Card_EnterPressed_AppliesItAndKeepsTheFocusOnTheCard()
    {
        await OpenStudioAsync();
        await TypePromptAsync(Idea);
        var card = Card("lighting/golden-hour");

        await card.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(card).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(card).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(card).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(card).ToBeFocusedAsync();
    }

    [Fact]
    public async Task SkipLinks_FirstTabs_ReachThePromptAndTheEnhancements()
    {
        await OpenStudioAsync();
        var first = await Page.EvaluateAsync<string?>(
            "() => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')].find(e => !e.disabled && e.tabIndex >= 0)?.dataset.testid");
        Assert.Equal("skip-prompt", first);
        await Assertions.Expect(Page.GetByTestId("skip-prompt")).Not.ToBeInViewportAsync();

        await Page.GetByTestId("skip-prompt").FocusAsync();
        await Assertions.Expect(Page.GetByTestId("skip-prompt")).ToBeInViewportAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Prompt).ToBeFocusedAsync();

        await Page.GetByTestId("skip-enhancements").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.Locator("#browser-title")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.GetByTestId("mode-simple")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task CategoryLinks_OneLinkAndOneTab_ReachAFarCategorysFirstControl()
    {
        await OpenStudioAsync();
        var links = Page.GetByTestId("jump-categories").Locator("a");
        Assert.True(await links.CountAsync() >= 4, "The simple mode shows at least four categories.");

        await Page.GetByTestId("jump-style").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.Keyboard.PressAsync("Tab");

        await Assertions.Expect(Page.GetByTestId("refresh-style")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Phone_CardTappedFarBelowThePrompt_ShowsTheChangedPromptInView()
    {
        await Context.CloseAsync();
        Context = await NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        Page = await Context.NewPageAsync();
        Watch(Page);
        await OpenStudioAsync("Phone_CardTapped");
        await TypePromptAsync(Idea);
        var card = Card("style/16mm-documentary");
        await card.ScrollIntoViewIfNeededAsync();
        var distance = await card.EvaluateAsync<double>("e => e.getBoundingClientRect().top - document.getElementById('prompt').getBoundingClientRect().top");
        Assert.True(distance > 844, $"The card is only {distance}px below the prompt; the test needs it out of the prompt's screen.");

        await card.TapAsync();

        await Assertions.Expect(card).ToHaveAttributeAsync("aria-pressed", "true");
        var peek = Page.GetByTestId("prompt-peek");
        await Assertions.Expect(peek).ToBeInViewportAsync();
        await Assertions.Expect(Page.GetByTestId("prompt-peek-label")).ToHaveTextAsync("16mm Documentary");
        var added = Page.GetByTestId("prompt-peek-change").Locator("ins").First;
        await Assertions.Expect(added).ToBeInViewportAsync();
        await Assertions.Expect(added).ToContainTextAsync("16mm");
        Assert.False(
            await Page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth"),
            "The page scrolls sideways.");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotDirectory, "phone-card-tapped.png") });

        await peek.TapAsync();
        await Assertions.Expect(Prompt).ToBeInViewportAsync();
    }

    [Fact]
    public async Task Desktop_PromptPeek_IsHiddenBecauseThePromptStaysInView()
    {
        await OpenStudioAsync();

        await Assertions.Expect(Page.GetByTestId("prompt-peek")).ToBeHiddenAsync();
    }
}
