using Microsoft.Playwright;
using SoraPromptGenie.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SoraPromptGenie.BrowserTests.Studio;

/// <summary>Each client address holds at most <c>Studio:MaxCircuitsPerClient</c> open studio circuits.</summary>
[Collection(CircuitCapGroup.Name)]
public sealed class StudioCircuitTests(CircuitCapStudioFixture fixture, ITestOutputHelper output) : StudioPageTest(fixture, output)
{
    [Fact]
    public async Task Tabs_OverPerClientCap_NewTabIsRefusedUntilOneCloses()
    {
        await OpenStudioAsync();
        var tabs = new List<IPage> { Page };
        for (var i = 1; i < CircuitCapStudioFixture.Cap; i++)
        {
            tabs.Add(await OpenTabAsync(Context));
            await GotoStudioAsync(tabs[^1]);
        }

        await using var otherBrowser = await NewContextAsync();
        var refused = await OpenTabAsync(otherBrowser);
        await refused.GotoAsync(Fixture.App.BaseUrl.ToString());

        await Assertions.Expect(refused.GetByTestId("circuit-refused")).ToContainTextAsync("Too many studio tabs");
        await Assertions.Expect(refused.GetByTestId("studio")).ToHaveCountAsync(0);
        await refused.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotDirectory, "circuit-refused.png"), FullPage = true });
        await Assertions.Expect(Page.GetByTestId("studio")).ToHaveAttributeAsync("data-interactive", "true");

        await tabs[^1].GotoAsync("about:blank");
        await Assertions.Expect(refused.GetByTestId("circuit-refused-reload")).ToBeVisibleAsync();

        var admitted = false;
        for (var attempt = 0; attempt < 20 && !admitted; attempt++)
        {
            await refused.ReloadAsync();
            var outcome = refused.GetByTestId("circuit-refused").Or(refused.Locator("[data-testid='studio'][data-interactive='true']"));
            await Assertions.Expect(outcome).ToBeVisibleAsync();
            admitted = await refused.GetByTestId("circuit-refused").CountAsync() == 0;
        }

        Assert.True(admitted, "The refused tab was not admitted after another tab closed.");
        await refused.GetByTestId("prompt").FillAsync("a fox crosses a snowy road");
        await Assertions.Expect(refused.GetByTestId("auto-generate")).ToBeEnabledAsync();
    }

    private async Task<IPage> OpenTabAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        Watch(page);
        return page;
    }
}
