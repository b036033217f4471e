using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SoraPromptGenie.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SoraPromptGenie.BrowserTests.Studio;

[Collection(StudioGroup.Name)]
public sealed class StudioAccessibilityTests(DefaultStudioFixture fixture, ITestOutputHelper output) : StudioPageTest(fixture, output)
{
    // axe is injected as a script tag; the app's CSP (script-src 'self') would rightly refuse it.
    protected override BrowserNewContextOptions ContextOptions => new() { ViewportSize = new() { Width = 1366, Height = 900 }, BypassCSP = true };

    [Theory]
    [InlineData("light", 1440)]
    [InlineData("dark", 1440)]
    [InlineData("light", 390)]
    [InlineData("dark", 390)]
    public async Task MainPage_ThemeAndWidth_HasNoSeriousOrCriticalViolations(string theme, int width)
    {
        await Context.CloseAsync();
        var phone = width < 768;
        Context = await NewContextAsync(new() { ViewportSize = new() { Width = width, Height = phone ? 844 : 900 }, IsMobile = phone, HasTouch = phone, BypassCSP = true });
        Page = await Context.NewPageAsync();
        Watch(Page);
        await Page.EmulateMediaAsync(new() { ColorScheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await OpenStudioAsync($"MainPage_{theme}_{width}");
        await UseStarterAsync();
        await Card("lighting/golden-hour").ClickAsync();
        await Assertions.Expect(Card("lighting/golden-hour")).ToHaveAttributeAsync("aria-pressed", "true");
        await ChooseTargetAsync("kling-v2.6");
        await OpenExportAsync();
        await Page.GetByTestId("target-guidance").Locator("summary").ClickAsync();
        await Page.GetByTestId("history").Locator("summary").ClickAsync();
        Assert.Equal(theme, await Page.EvaluateAsync<string>(
            "() => getComputedStyle(document.documentElement).colorScheme.includes('dark') ? 'dark' : 'light'"));

        var result = await Page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var violation in result.Violations)
        {
            Output.WriteLine($"{theme} {width}: {violation.Impact} {violation.Id} ({violation.Nodes.Length} nodes): {violation.Help}");
        }

        Output.WriteLine($"{theme} {width}: {result.Violations.Length} violations, {serious.Count} serious or critical, {result.Passes.Length} rules passed");
        Assert.True(serious.Count == 0, string.Join("; ", serious.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}")));
    }

    [Fact]
    public async Task ThemeToggle_Click_SwitchesAndRemembersTheme()
    {
        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await OpenStudioAsync();

        await Page.GetByTestId("theme-toggle").ClickAsync();

        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await GotoStudioAsync(Page);
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
    }
}
