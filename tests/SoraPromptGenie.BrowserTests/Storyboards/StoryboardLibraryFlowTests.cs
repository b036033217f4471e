using Microsoft.Playwright;
using SoraPromptGenie.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SoraPromptGenie.BrowserTests.Storyboards;

/// <summary>Saving a storyboard from the view, versions and restore, and the share link's page back into the view.</summary>
[Collection(OfflineGroup.Name)]
public sealed class StoryboardLibraryFlowTests(OfflineStudioFixture fixture, ITestOutputHelper output) : StudioPageTest(fixture, output)
{
    private ILocator ShotPrompts => Page.GetByTestId("shot-prompt");

    [Fact]
    public async Task Storyboard_SavedEditedAndRestored_BringsBackTheFirstVersion()
    {
        await SignInAndOpenStoryboardAsync();
        await StoryboardSteps.FillAsync(Page);
        await Page.GetByTestId("storyboard-title").FillAsync("Lighthouse night");
        await Page.GetByTestId("storyboard-title").PressAsync("Tab");

        await Page.GetByTestId("storyboard-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("storyboard-library-message")).ToContainTextAsync("Saved “Lighthouse night”.");
        var first = await ShotPrompts.Nth(1).InputValueAsync();

        await ShotPrompts.Nth(1).FillAsync("Mara, a tall woman in a yellow raincoat, falls asleep by the lamp.");
        await Page.GetByTestId("storyboard-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("storyboard-library-message")).ToContainTextAsync("Saved version 2.");
        await Assertions.Expect(Page.GetByTestId("storyboard-version")).ToHaveCountAsync(2);

        await Page.Locator("[data-testid='storyboard-version'][data-number='1'] [data-testid='storyboard-restore']").ClickAsync();

        await Assertions.Expect(ShotPrompts.Nth(1)).ToHaveValueAsync(first);
        await Assertions.Expect(Page.GetByTestId("storyboard-library-message")).ToContainTextAsync("Restored version 1 as version 3.");
        await Assertions.Expect(Page.GetByTestId("storyboard-version").First).ToContainTextAsync("v3 · restore of v1");
    }

    [Fact]
    public async Task SharedStoryboard_OpenInStudio_LoadsItsShotsIntoTheView()
    {
        await SignInAndOpenStoryboardAsync();
        await StoryboardSteps.FillAsync(Page);
        await Page.GetByTestId("storyboard-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("storyboard-library-message")).ToContainTextAsync("Saved");

        await Page.GetByTestId("storyboard-share-follow").ClickAsync();
        var url = await Page.GetByTestId("storyboard-share-url").InputValueAsync();
        var reader = await (await NewContextAsync()).NewPageAsync();
        await reader.GotoAsync(url);
        await Assertions.Expect(reader.GetByTestId("shared-storyboard-shot")).ToHaveCountAsync(2);
        await reader.GetByTestId("shared-storyboard-open").ClickAsync();

        await Assertions.Expect(reader.GetByTestId("storyboard")).ToHaveAttributeAsync("data-interactive", "true");
        await Assertions.Expect(reader.GetByTestId("shot-prompt").Nth(0)).ToHaveValueAsync("Mara, a tall woman in a yellow raincoat, climbs the spiral stairs of the lighthouse at dusk.");
        await Assertions.Expect(reader.GetByTestId("character-name")).ToHaveTextAsync("Mara");
    }

    private async Task SignInAndOpenStoryboardAsync()
    {
        await OpenStudioAsync();
        await Page.GetByTestId("create-workspace").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("new-key-box")).ToBeVisibleAsync();
        await Page.GotoAsync(new Uri(Fixture.App.BaseUrl, "/storyboard").ToString());
        await Assertions.Expect(Page.GetByTestId("storyboard")).ToHaveAttributeAsync("data-interactive", "true");
    }
}
