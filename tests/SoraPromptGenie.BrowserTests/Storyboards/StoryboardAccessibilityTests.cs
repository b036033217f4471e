using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SoraPromptGenie.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SoraPromptGenie.BrowserTests.Storyboards;

[Collection(OfflineGroup.Name)]
public sealed class StoryboardAccessibilityTests(OfflineStudioFixture fixture, ITestOutputHelper output) : StudioPageTest(fixture, output)
{
    [Theory]
    [InlineData("light", 1440)]
    [InlineData("dark", 1440)]
    [InlineData("light", 390)]
    [InlineData("dark", 390)]
    public async Task StoryboardView_ThemeAndWidth_HasNoSeriousOrCriticalViolations(string theme, int width)
    {
        await Context.CloseAsync();
        var phone = width < 768;
        Context = await NewContextAsync(new() { ViewportSize = new() { Width = width, Height = phone ? 844 : 900 }, IsMobile = phone, HasTouch = phone, BypassCSP = true });
        Page = await Context.NewPageAsync();
        Watch(Page);
        await Page.EmulateMediaAsync(new() { ColorScheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await Page.GotoAsync(new Uri(Fixture.App.BaseUrl, "/storyboard").ToString());
        await Assertions.Expect(Page.GetByTestId("storyboard")).ToHaveAttributeAsync("data-interactive", "true");
        await StoryboardSteps.FillAsync(Page);

        var result = await Page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var violation in result.Violations)
        {
            Output.WriteLine($"{theme} {width}: {violation.Impact} {violation.Id} ({violation.Nodes.Length} nodes): {violation.Help}");
        }

        Assert.True(serious.Count == 0, string.Join("; ", serious.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}")));
    }
}
