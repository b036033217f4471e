using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SoraPromptGenie.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SoraPromptGenie.BrowserTests.Studio;

/// <summary>The video model the studio writes for: the picker, its memory, the export for its API and the length meter.</summary>
[Collection(StudioGroup.Name)]
public sealed class StudioTargetTests(DefaultStudioFixture fixture, ITestOutputHelper output) : StudioPageTest(fixture, output)
{
    private const string Shot = "A red fox trots along a snowy road at dusk, its breath fogging in the cold air.";

    protected override BrowserNewContextOptions ContextOptions => new()
    {
        ViewportSize = new() { Width = 1440, Height = 900 },
        Permissions = ["clipboard-read", "clipboard-write"],
    };

    private ILocator Picker => Page.GetByTestId("target-picker");

    [Fact]
    public async Task Picker_NewBrowser_WritesForAnyModelAndExportsNoRequest()
    {
        await OpenStudioAsync();
        await TypePromptAsync(Shot);

        await OpenExportAsync();

        await Assertions.Expect(Picker).ToHaveValueAsync("generic");
        await Assertions.Expect(Page.GetByTestId("export-none")).ToContainTextAsync("has no API of its own");
        await Assertions.Expect(Page.GetByTestId("copy-json")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByTestId("copy-curl")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByTestId("export-param-size")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Picker_TargetAndParameterChosen_AreRememberedAfterReload()
    {
        await OpenStudioAsync();
        await ChooseTargetAsync("kling-v3");
        await OpenExportAsync();
        await Page.GetByTestId("export-param-duration").SelectOptionAsync("12");
        await Page.WaitForFunctionAsync("() => (localStorage.getItem('spg.target-parameters') || '').includes('12')");

        await GotoStudioAsync(Page);

        await Assertions.Expect(Picker).ToHaveValueAsync("kling-v3");
        await Assertions.Expect(Page.GetByTestId("target-guidance")).ToContainTextAsync("Advice for Kling 3");
        await OpenExportAsync();
        await Assertions.Expect(Page.GetByTestId("export-param-duration")).ToHaveValueAsync("12");
    }

    [Fact]
    public async Task Picker_RetiredTargets_AreListedGreyedWithTheirDate()
    {
        await OpenStudioAsync();

        var sora = Picker.Locator("option[value='sora-2']");
        var runway = Picker.Locator("option[value='runway-gen4.5']");

        await Assertions.Expect(sora).ToHaveTextAsync("Sora 2 — retired 2026-09-24");
        await Assertions.Expect(sora).ToHaveClassAsync(new Regex(@"\bretired\b"));
        await Assertions.Expect(Picker.Locator("optgroup[label='Retired'] option[value='sora-2-pro']")).ToHaveTextAsync("Sora 2 Pro — retired 2026-09-24");
        await Assertions.Expect(Picker.Locator("option[value='kling-v3']")).ToHaveTextAsync("Kling 3 — unverified");
        Assert.NotEqual(await ColorOfAsync(runway), await ColorOfAsync(sora));

        await ChooseTargetAsync("sora-2");
        await Assertions.Expect(Picker).ToHaveClassAsync(new Regex(@"\bretired\b"));
        await Assertions.Expect(Page.GetByTestId("target-status")).ToContainTextAsync("retired 2026-09-24");
    }

    [Fact]
    public async Task Parameters_OfferOnlyAllowedValues_AndAChangeChangesTheBody()
    {
        await OpenStudioAsync();
        await TypePromptAsync(Shot);
        await ChooseTargetAsync("kling-v2.6");
        await OpenExportAsync();
        await Assertions.Expect(Page.GetByTestId("export-param-aspect_ratio").Locator("option"))
            .ToHaveTextAsync(["API default", "16:9", "9:16", "1:1"]);
        await Assertions.Expect(Page.GetByTestId("export-body")).Not.ToContainTextAsync("\"aspect_ratio\"");

        await Page.GetByTestId("export-param-aspect_ratio").SelectOptionAsync("9:16");

        await Assertions.Expect(Page.GetByTestId("export-body")).ToContainTextAsync("\"aspect_ratio\": \"9:16\"");
        await Page.GetByTestId("export-param-mode").SelectOptionAsync("std");
        await Page.GetByTestId("export-param-sound").SelectOptionAsync("on");
        await Assertions.Expect(Page.GetByTestId("export-param-mode").Locator("option")).ToHaveTextAsync(["pro"]);
        await Assertions.Expect(Page.GetByTestId("export-body")).ToContainTextAsync("\"mode\": \"pro\"");
        await Assertions.Expect(Page.GetByTestId("export-errors")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Export_JsonTarget_CopiesRequestJsonCurlAndPollCommand()
    {
        await OpenStudioAsync();
        await TypePromptAsync(Shot);
        await ChooseTargetAsync("runway-gen4.5");
        await OpenExportAsync();
        await Assertions.Expect(Page.GetByTestId("export-errors")).ToContainTextAsync("duration is required by runway-gen4.5");
        await Page.GetByTestId("export-param-duration").SelectOptionAsync("5");
        await Assertions.Expect(Page.GetByTestId("export-key")).ToHaveTextAsync("$RUNWAY_API_KEY");

        await Page.GetByTestId("copy-json").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("export-copy-status")).ToHaveTextAsync("Request JSON copied");
        using (var body = JsonDocument.Parse(await ClipboardAsync()))
        {
            Assert.Equal("gen4.5", body.RootElement.GetProperty("model").GetString());
            Assert.Equal(Shot, body.RootElement.GetProperty("promptText").GetString());
            Assert.Equal(5, body.RootElement.GetProperty("duration").GetInt32());
        }

        await Page.GetByTestId("copy-curl").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("export-copy-status")).ToHaveTextAsync("curl command copied");
        var curl = await ClipboardAsync();
        Assert.StartsWith("curl ", curl, StringComparison.Ordinal);
        Assert.Contains("https://api.dev.runwayml.com/v1/text_to_video", curl, StringComparison.Ordinal);
        Assert.Contains("-H \"Authorization: Bearer $RUNWAY_API_KEY\"", curl, StringComparison.Ordinal);
        Assert.Contains("\"duration\":5", curl, StringComparison.Ordinal);

        await Assertions.Expect(Page.GetByTestId("export-poll")).ToContainTextAsync("TASK_ID");
        await Page.GetByTestId("copy-poll").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("export-copy-status")).ToHaveTextAsync("Poll command copied");
        Assert.Contains("https://api.dev.runwayml.com/v1/tasks/${TASK_ID}", await ClipboardAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_SyncTarget_ShowsNoPollStep()
    {
        await OpenStudioAsync();
        await TypePromptAsync(Shot);
        await ChooseTargetAsync("gemini-omni-1.1-flash");
        await OpenExportAsync();

        await Assertions.Expect(Page.GetByTestId("export-result")).ToContainTextAsync("The call answers with the video");

        await Assertions.Expect(Page.GetByTestId("copy-json")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("export-poll")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Meter_TargetsWithLimits_CountInTheirUnitAndShowOverTheLimit()
    {
        await OpenStudioAsync();
        await TypePromptAsync(Shot);
        await Assertions.Expect(Page.GetByTestId("meter")).ToHaveTextAsync($"{Shot.Length} characters");

        await ChooseTargetAsync("veo-3.1");
        await Assertions.Expect(Page.GetByTestId("meter")).ToHaveTextAsync($"≈ {(Shot.Length + 3) / 4} / 1,024 tokens");
        await ChooseTargetAsync("luma-ray-3.2");
        await Assertions.Expect(Page.GetByTestId("meter")).ToHaveTextAsync($"{Shot.Length} / 6,000 characters");

        await ChooseTargetAsync("runway-gen4.5");
        await Assertions.Expect(Page.GetByTestId("meter")).ToHaveAttributeAsync("data-over", "false");
        var within = await ColorOfAsync(Page.GetByTestId("meter"));
        await Prompt.FillAsync(new string('a', 1_200));

        await Assertions.Expect(Page.GetByTestId("meter")).ToHaveTextAsync("1,200 / 1,000 UTF-16 code units");
        await Assertions.Expect(Page.GetByTestId("meter")).ToHaveAttributeAsync("data-over", "true");
        Assert.NotEqual(within, await ColorOfAsync(Page.GetByTestId("meter")));
    }

    [Fact]
    public async Task AutoGenerate_TargetChosen_AsksTheModelToWriteForThatTarget()
    {
        await OpenStudioAsync();
        await TypePromptAsync("a red fox crossing a snowy road at dusk");
        await ChooseTargetAsync("veo-3.1");

        await Page.GetByTestId("auto-generate").ClickAsync();

        await Assertions.Expect(Prompt).ToHaveValueAsync(new Regex("^A cinematic take: "));
        var system = Fixture.App.Upstream.Requests[^1].Messages[0].Content;
        Assert.StartsWith("You are a cinematographer who writes prompts for Veo 3.1 (Vertex AI)", system, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Library_RestoringAVersion_BringsBackTheTargetAndParametersItWasSavedWith()
    {
        await OpenStudioAsync();
        await TypePromptAsync(Shot);
        await ChooseTargetAsync("kling-v3");
        await OpenExportAsync();
        await Page.GetByTestId("export-param-duration").SelectOptionAsync("12");
        await Page.GetByTestId("create-workspace").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("new-key-box")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("studio")).ToHaveAttributeAsync("data-interactive", "true");
        await Page.GetByTestId("library-title").FillAsync("Fox for Kling");
        await Page.GetByTestId("library-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("library-open")).ToContainTextAsync("version 1");

        await TypePromptAsync(Shot + " Snow begins to fall.");
        await ChooseTargetAsync("runway-gen4.5");
        await Page.GetByTestId("library-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("library-open")).ToContainTextAsync("version 2");

        await Page.Locator("[data-testid='version'][data-number='1']").GetByTestId("version-restore").ClickAsync();

        await Assertions.Expect(Prompt).ToHaveValueAsync(Shot);
        await Assertions.Expect(Picker).ToHaveValueAsync("kling-v3");
        await Assertions.Expect(Page.GetByTestId("export-param-duration")).ToHaveValueAsync("12");
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task Screenshot_TargetChosenWithExportOpen_FitsTheViewport(int width, int height)
    {
        await Context.CloseAsync();
        Context = await NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, IsMobile = width < 768, HasTouch = width < 768 });
        Page = await Context.NewPageAsync();
        Watch(Page);
        await OpenStudioAsync($"Target_{width}");
        await UseStarterAsync();
        await ChooseTargetAsync("kling-v2.6");
        await Page.GetByTestId("target-guidance").Locator("summary").ClickAsync();
        await OpenExportAsync();
        await Page.GetByTestId("export-param-sound").SelectOptionAsync("on");
        await Assertions.Expect(Page.GetByTestId("export-poll")).ToBeVisibleAsync();

        var overflow = await Page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth");
        var wider = await Page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll("[data-testid='editor-pane'] *, .editor-pane *")]
              .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
              .map(e => e.tagName + "." + e.className)
            """);

        Assert.False(overflow, "The page scrolls sideways.");
        Assert.True(wider.Length == 0, "Wider than the viewport: " + string.Join(", ", wider.Distinct()));
    }

    private Task<string> ClipboardAsync() => Page.EvaluateAsync<string>("() => navigator.clipboard.readText()");

    private static Task<string> ColorOfAsync(ILocator element) => element.EvaluateAsync<string>("e => getComputedStyle(e).color");
}
