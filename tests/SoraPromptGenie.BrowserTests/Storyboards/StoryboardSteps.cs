using Microsoft.Playwright;

namespace SoraPromptGenie.BrowserTests.Storyboards;

/// <summary>Steps several storyboard tests share.</summary>
internal static class StoryboardSteps
{
    /// <summary>A storyboard with every part of the view showing: shots, a character, notes and a message.</summary>
    public static async Task FillAsync(IPage page)
    {
        await page.GetByTestId("storyboard-blank").ClickAsync();
        var prompts = page.GetByTestId("shot-prompt");
        await prompts.Nth(0).FillAsync("Mara climbs the spiral stairs of the lighthouse at dusk.");
        await prompts.Nth(1).FillAsync("Mara lights the great lamp as the storm breaks.");
        await page.GetByTestId("new-character-name").FillAsync("Mara");
        await page.GetByTestId("new-character-description").FillAsync("a tall woman in a yellow raincoat");
        await page.GetByTestId("character-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId("character")).ToHaveCountAsync(1);
        await page.GetByTestId("shot-camera").First.FillAsync("slow push-in");
        await page.GetByTestId("target-picker").SelectOptionAsync("kling-v3");
        await page.GetByTestId("storyboard-export").Locator("summary").ClickAsync();
        await Assertions.Expect(page.GetByTestId("storyboard-request")).ToHaveCountAsync(1);
        await page.GetByTestId("shot-lint").First.Locator("summary").ClickAsync();
    }
}
