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
    [InlineData("light")]
    [InlineData("dark")]
    public async Task MainPage_Theme_HasNoSeriousOrCriticalViolations(string theme)
    {
        await Page.EmulateMediaAsync(new() { ColorScheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await OpenStudioAsync("MainPage_" + theme);
        await UseStarterAsync();
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
            Output.WriteLine($"{theme}: {violation.Impact} {violation.Id} ({violation.Nodes.Length} nodes): {violation.Help}");
        }

        Output.WriteLine($"{theme}: {result.Violations.Length} violations, {serious.Count} serious or critical, {result.Passes.Length} rules passed");
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
