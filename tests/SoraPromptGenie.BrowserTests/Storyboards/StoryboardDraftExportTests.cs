using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SoraPromptGenie.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SoraPromptGenie.BrowserTests.Storyboards;

/// <summary>Drafting a storyboard from an idea with the offline engine, then exporting it for a multi-shot and a single-shot target.</summary>
[Collection(OfflineGroup.Name)]
public sealed class StoryboardDraftExportTests(OfflineStudioFixture fixture, ITestOutputHelper output) : StudioPageTest(fixture, output)
{
    private const string Idea = "an old fisherman mends his net on a windy pier at dawn";

    private ILocator Shots => Page.GetByTestId("shot");

    [Fact]
    public async Task Draft_FromAnIdea_WritesShotsThatCarryTheContinuityAndScoresThem()
    {
        await OpenAsync();

        await DraftAsync("veo-3.1", 4);

        await Assertions.Expect(Shots).ToHaveCountAsync(4);
        var look = await Page.GetByTestId("continuity-look").InputValueAsync();
        var description = await Page.GetByTestId("character-description").InputValueAsync();
        Assert.False(string.IsNullOrWhiteSpace(look));
        for (var i = 0; i < 4; i++)
        {
            var prompt = await Page.GetByTestId("shot-prompt").Nth(i).InputValueAsync();
            Assert.Contains(look, prompt, StringComparison.Ordinal);
            Assert.Contains(description, prompt, StringComparison.Ordinal);
        }

        await Assertions.Expect(Page.GetByTestId("storyboard-score")).ToContainTextAsync(new Regex(@"Storyboard score \d+/100"));
        await Assertions.Expect(Page.GetByTestId("shot-time").Nth(1)).ToHaveTextAsync("4–8 s");
    }

    [Fact]
    public async Task Export_KlingV3_OneRequestWithEveryShotInItsMultiPromptList()
    {
        await OpenAsync();
        await DraftAsync("kling-v3", 3);

        await Page.GetByTestId("storyboard-export").Locator("summary").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("storyboard-request")).ToHaveCountAsync(1);
        var curl = await Page.GetByTestId("storyboard-curl").InnerTextAsync();
        var body = JsonNode.Parse(Regex.Match(curl, "--data-raw '(.*)'", RegexOptions.Singleline).Groups[1].Value)!;
        Assert.True(body["multi_shot"]!.GetValue<bool>());
        Assert.Equal(3, body["multi_prompt"]!.AsArray().Count);
        Assert.Equal(await Page.GetByTestId("shot-prompt").Nth(2).InputValueAsync(), body["multi_prompt"]![2]!["prompt"]!.GetValue<string>());
        await Assertions.Expect(Page.GetByTestId("storyboard-shot-list")).ToContainTextAsync("3. (8-12 s) ");

        await Shots.Nth(0).GetByTestId("shot-seconds").FillAsync("9");
        await Shots.Nth(0).GetByTestId("shot-seconds").PressAsync("Tab");

        await Assertions.Expect(Page.GetByTestId("total-length")).ToHaveAttributeAsync("data-over", "true");
        await Assertions.Expect(Page.GetByTestId("storyboard-finding")).ToContainTextAsync("The storyboard runs 17 s; Kling 3 makes at most 15 s in one request.");
        await Assertions.Expect(Page.GetByTestId("storyboard-export-errors")).ToContainTextAsync("Kling 3 makes at most 15 seconds in one request");
    }

    [Fact]
    public async Task Export_RunwayGen45_OneRequestPerShotWithItsLength()
    {
        await OpenAsync();
        await DraftAsync("runway-gen4.5", 3);
        await Shots.Nth(1).GetByTestId("shot-seconds").FillAsync("7");
        await Shots.Nth(1).GetByTestId("shot-seconds").PressAsync("Tab");

        await Page.GetByTestId("storyboard-export").Locator("summary").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("storyboard-request")).ToHaveCountAsync(3);
        var curls = await Page.GetByTestId("storyboard-curl").AllInnerTextsAsync();
        var durations = curls.Select(c => JsonNode.Parse(Regex.Match(c, "--data-raw '(.*)'", RegexOptions.Singleline).Groups[1].Value)!["duration"]!.GetValue<int>());
        Assert.Equal([4, 7, 4], durations);
    }

    private async Task OpenAsync()
    {
        await Page.GotoAsync(new Uri(Fixture.App.BaseUrl, "/storyboard").ToString());
        await Assertions.Expect(Page.GetByTestId("storyboard")).ToHaveAttributeAsync("data-interactive", "true");
    }

    private async Task DraftAsync(string target, int shots)
    {
        await Page.GetByTestId("target-picker").SelectOptionAsync(target);
        await Page.GetByTestId("storyboard-idea").FillAsync(Idea);
        await Page.GetByTestId("storyboard-shot-count").SelectOptionAsync(shots.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByTestId("storyboard-draft").ClickAsync();
        await Assertions.Expect(Shots).ToHaveCountAsync(shots);
        await Assertions.Expect(Page.GetByTestId("storyboard-export")).ToHaveAttributeAsync("data-target", target);
    }
}
