using Microsoft.Playwright;
using SoraPromptGenie.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SoraPromptGenie.BrowserTests.Storyboards;

/// <summary>The storyboard view's hand edits: continuity that rewrites the shots, reordering by keyboard and by drag, keeping work.</summary>
[Collection(OfflineGroup.Name)]
public sealed class StoryboardEditingTests(OfflineStudioFixture fixture, ITestOutputHelper output) : StudioPageTest(fixture, output)
{
    private ILocator Shots => Page.GetByTestId("shot");

    private ILocator ShotPrompts => Page.GetByTestId("shot-prompt");

    [Fact]
    public async Task Character_DescriptionEdited_EveryShotThatNamesItChanges()
    {
        await OpenStoryboardAsync();
        await Page.GetByTestId("storyboard-blank").ClickAsync();
        await Page.GetByTestId("shot-add").ClickAsync();
        await ShotPrompts.Nth(0).FillAsync("Mara climbs the stairs of the lighthouse.");
        await ShotPrompts.Nth(1).FillAsync("The lamp turns slowly above the sea.");
        await ShotPrompts.Nth(2).FillAsync("Mara lights the lamp and looks out to sea.");
        await AddCharacterAsync("Mara", "a tall woman in a yellow raincoat");
        await Assertions.Expect(ShotPrompts.Nth(0)).ToHaveValueAsync("Mara, a tall woman in a yellow raincoat, climbs the stairs of the lighthouse.");

        var description = Page.GetByTestId("character-description");
        await description.FillAsync("a wiry old keeper in a green oilskin");
        await description.PressAsync("Tab");

        await Assertions.Expect(ShotPrompts.Nth(0)).ToHaveValueAsync("Mara, a wiry old keeper in a green oilskin, climbs the stairs of the lighthouse.");
        await Assertions.Expect(ShotPrompts.Nth(1)).ToHaveValueAsync("The lamp turns slowly above the sea.");
        await Assertions.Expect(ShotPrompts.Nth(2)).ToHaveValueAsync("Mara, a wiry old keeper in a green oilskin, lights the lamp and looks out to sea.");
        await Assertions.Expect(Page.GetByTestId("character-shots")).ToHaveTextAsync("in shots 1, 3");
    }

    [Fact]
    public async Task Shots_ReorderedByKeyboard_KeepFocusOnTheMovedShotAndSayWhereItWent()
    {
        await OpenStoryboardAsync();
        await StartWithShotsAsync("First shot: a gull lands.", "Second shot: the keeper waves.", "Third shot: the storm breaks.");

        await Shots.Nth(2).GetByTestId("shot-earlier").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(ShotPrompts.Nth(1)).ToHaveValueAsync("Third shot: the storm breaks.");
        await Assertions.Expect(Page.GetByTestId("storyboard-announcement")).ToHaveTextAsync("Shot 3 moved to position 2 of 3.");
        await Assertions.Expect(Shots.Nth(1).GetByTestId("shot-earlier")).ToBeFocusedAsync();

        await Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(ShotPrompts.Nth(0)).ToHaveValueAsync("Third shot: the storm breaks.");
        await Assertions.Expect(Shots.Nth(0).GetByTestId("shot-title")).ToHaveTextAsync("Shot 1");
        // First now: its Earlier button is disabled, so the keyboard stays on the shot's Later button.
        await Assertions.Expect(Shots.Nth(0).GetByTestId("shot-later")).ToBeFocusedAsync();
        await Assertions.Expect(ShotPrompts.Nth(1)).ToHaveValueAsync("First shot: a gull lands.");
    }

    [Fact]
    public async Task Shots_DraggedByTheirHandle_TakeTheDropPosition()
    {
        await OpenStoryboardAsync();
        await StartWithShotsAsync("First shot: a gull lands.", "Second shot: the keeper waves.", "Third shot: the storm breaks.");

        await Shots.Nth(0).GetByTestId("shot-handle").DragToAsync(Shots.Nth(2));

        await Assertions.Expect(ShotPrompts.Nth(2)).ToHaveValueAsync("First shot: a gull lands.");
        await Assertions.Expect(ShotPrompts.Nth(0)).ToHaveValueAsync("Second shot: the keeper waves.");
        await Assertions.Expect(Page.GetByTestId("storyboard-announcement")).ToHaveTextAsync("Shot 1 moved to position 3 of 3.");
    }

    [Fact]
    public async Task Shots_DuplicatedAndDeleted_CountsAndTimesFollow()
    {
        await OpenStoryboardAsync();
        await StartWithShotsAsync("A gull lands on the rail.", "The keeper waves from the gallery.");
        await Shots.Nth(1).GetByTestId("shot-seconds").FillAsync("8");
        await Shots.Nth(1).GetByTestId("shot-seconds").PressAsync("Tab");
        await Assertions.Expect(Page.GetByTestId("total-length")).ToContainTextAsync("13 s");

        await Shots.Nth(0).GetByTestId("shot-duplicate").ClickAsync();

        await Assertions.Expect(Shots).ToHaveCountAsync(3);
        await Assertions.Expect(ShotPrompts.Nth(1)).ToHaveValueAsync("A gull lands on the rail.");
        await Assertions.Expect(Shots.Nth(2).GetByTestId("shot-time")).ToHaveTextAsync("10–18 s");

        await Shots.Nth(0).GetByTestId("shot-delete").ClickAsync();

        await Assertions.Expect(Shots).ToHaveCountAsync(2);
        await Assertions.Expect(Page.GetByTestId("total-length")).ToContainTextAsync("13 s");
        await Assertions.Expect(Shots.Nth(0).GetByTestId("shot-delete")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task Shot_EnhancedWithACard_OnlyThatShotGainsTheCardsWording()
    {
        await OpenStoryboardAsync();
        await StartWithShotsAsync("A keeper climbs the spiral stairs at dawn.", "The keeper lights the lamp.");
        var phrase = SoraPromptGenie.Core.Catalog.PromptCatalog.LoadEmbedded().FindEnhancement("lighting/golden-hour")!.Phrase;

        await Shots.Nth(0).GetByTestId("shot-card").SelectOptionAsync("lighting/golden-hour");
        await Shots.Nth(0).GetByTestId("shot-enhance").ClickAsync();

        await Assertions.Expect(ShotPrompts.Nth(0)).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^A keeper climbs the spiral stairs at dawn\\..*" + System.Text.RegularExpressions.Regex.Escape(phrase), System.Text.RegularExpressions.RegexOptions.Singleline));
        await Assertions.Expect(ShotPrompts.Nth(1)).ToHaveValueAsync("The keeper lights the lamp.");

        await Page.GetByTestId("target-picker").SelectOptionAsync("kling-v3");
        await Shots.Nth(1).GetByTestId("shot-structure").ClickAsync();

        await Assertions.Expect(ShotPrompts.Nth(1)).ToHaveValueAsync("The keeper lights the lamp.\n\nAudio: Natural ambient sound of the setting.");
        await Assertions.Expect(ShotPrompts.Nth(0)).Not.ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Audio:"));
    }

    [Fact]
    public async Task Storyboard_Reload_BringsBackTheShotsAndContinuity()
    {
        await OpenStoryboardAsync();
        await StartWithShotsAsync("Mara climbs the stairs.", "Mara lights the lamp.");
        await AddCharacterAsync("Mara", "a tall woman in a yellow raincoat");
        await Assertions.Expect(ShotPrompts.Nth(1)).ToHaveValueAsync("Mara, a tall woman in a yellow raincoat, lights the lamp.");
        await Page.WaitForFunctionAsync("() => (localStorage.getItem('spg.storyboard') ?? '').includes('yellow raincoat, lights')");

        await GotoStoryboardAsync();

        await Assertions.Expect(ShotPrompts.Nth(1)).ToHaveValueAsync("Mara, a tall woman in a yellow raincoat, lights the lamp.");
        await Assertions.Expect(Page.GetByTestId("character-name")).ToHaveTextAsync("Mara");
    }

    [Fact]
    public async Task Storyboard_Phone_StacksShotsWithoutSidewaysScroll()
    {
        await Context.CloseAsync();
        Context = await NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        Page = await Context.NewPageAsync();
        Watch(Page);
        await OpenStoryboardAsync();
        await StartWithShotsAsync("A gull lands on the rail.", "The keeper waves from the gallery.", "The storm breaks over the sea.");
        await AddCharacterAsync("Mara", "a tall woman in a yellow raincoat");

        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var first = await Shots.Nth(0).BoundingBoxAsync();
        var second = await Shots.Nth(1).BoundingBoxAsync();

        Assert.True(widths[0] <= widths[1], $"scrollWidth {widths[0]} > clientWidth {widths[1]}");
        Assert.True(second!.Y > first!.Y + first.Height - 1, "shots should stack on a phone");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "storyboard-390.png"), FullPage = true });
    }

    private async Task OpenStoryboardAsync() => await GotoStoryboardAsync();

    private async Task GotoStoryboardAsync()
    {
        await Page.GotoAsync(new Uri(Fixture.App.BaseUrl, "/storyboard").ToString());
        await Assertions.Expect(Page.GetByTestId("storyboard")).ToHaveAttributeAsync("data-interactive", "true");
    }

    private async Task StartWithShotsAsync(params string[] prompts)
    {
        await Page.GetByTestId("storyboard-blank").ClickAsync();
        for (var i = 2; i < prompts.Length; i++)
        {
            await Page.GetByTestId("shot-add").ClickAsync();
        }

        await Assertions.Expect(Shots).ToHaveCountAsync(prompts.Length);
        for (var i = 0; i < prompts.Length; i++)
        {
            await ShotPrompts.Nth(i).FillAsync(prompts[i]);
        }

        await Assertions.Expect(ShotPrompts.Nth(prompts.Length - 1)).ToHaveValueAsync(prompts[^1]);
    }

    private async Task AddCharacterAsync(string name, string description)
    {
        await Page.GetByTestId("new-character-name").FillAsync(name);
        await Page.GetByTestId("new-character-description").FillAsync(description);
        await Page.GetByTestId("character-add").ClickAsync();
        await Assertions.Expect(Page.Locator($"[data-testid='character'][data-name='{name}']")).ToBeVisibleAsync();
    }
}
