using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using SoraPromptGenie.BrowserTests.Infrastructure;
using SoraPromptGenie.FakeUpstream;
using Xunit.Abstractions;

namespace SoraPromptGenie.BrowserTests.Studio;

[Collection(StudioGroup.Name)]
public sealed class StudioPageTests(DefaultStudioFixture fixture, ITestOutputHelper output) : StudioPageTest(fixture, output)
{
    private const string Idea = "a lighthouse keeper climbs the spiral stairs at dawn";

    private FakeUpstreamServer Upstream => Fixture.App.Upstream;

    protected override BrowserNewContextOptions ContextOptions => new()
    {
        ViewportSize = new() { Width = 1366, Height = 900 },
        Permissions = ["clipboard-read", "clipboard-write"],
    };

    [Fact]
    public async Task AutoGenerate_IdeaOfThreeWords_ReplacesPromptAndShowsEngine()
    {
        await OpenStudioAsync();
        await Assertions.Expect(Page.GetByTestId("auto-generate")).ToBeDisabledAsync();

        await TypePromptAsync(Idea);
        await Page.GetByTestId("auto-generate").ClickAsync();

        await Assertions.Expect(Prompt).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^A cinematic take: "));
        await Assertions.Expect(Page.GetByTestId("engine-label")).ToHaveTextAsync($"AI ({StudioApp.Model.Split('/')[^1]})");
        Assert.Contains(Upstream.Requests, r => r.Messages.Any(m => m.Content.Contains(Idea, StringComparison.Ordinal)));
        await Assertions.Expect(Page.GetByTestId("history-entry").First).ToContainTextAsync("Auto-generated");
    }

    [Fact]
    public async Task AutoGenerate_StreamedAnswer_ShowsTextAsItArrivesThenFinalText()
    {
        const string answer = "A keeper climbs the spiral stairs at dawn while the great lamp turns slowly overhead.";
        Upstream.Default = FakeReply.Text(answer) with { Chunks = 4, ChunkInterval = TimeSpan.FromMilliseconds(400) };
        await OpenStudioAsync();
        await TypePromptAsync(Idea);

        await Page.GetByTestId("auto-generate").ClickAsync();

        await Assertions.Expect(Prompt).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^A keeper"));
        Assert.NotEqual(answer, await PromptValueAsync());
        Assert.True(Upstream.Requests[^1].Stream);
        await Assertions.Expect(Prompt).ToHaveValueAsync(answer);
        await Assertions.Expect(Page.GetByTestId("auto-generate")).ToBeEnabledAsync();
    }

    [Fact]
    public async Task Cards_ReplaceAndRemoveAfterTyping_AskModelToSwapOnlyThatCardInCurrentText()
    {
        const string ownLine = "The keeper pauses on the landing to catch his breath.";
        Upstream.Default = FakeReply.Auto() with { Delay = TimeSpan.FromMilliseconds(100) };
        await OpenStudioAsync();
        var starter = await UseStarterAsync();

        var (firstText, complete) = await ClickAndTimeUntilPromptChangesAsync("lighting/golden-hour");
        var report = string.Create(
            CultureInfo.InvariantCulture,
            $"Card click to updated prompt on screen (100 ms fake upstream): first text {firstText:F0} ms, complete {complete:F0} ms");
        Output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(Browser.ScreenshotDirectory, "card-latency.txt"), report + "\n");

        await Assertions.Expect(Card("lighting/golden-hour")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(Page.GetByTestId("applied-lighting/golden-hour")).ToBeVisibleAsync();
        Assert.NotEqual(starter, await SettledPromptAsync());
        await Card("camera-angles/low-angle").ClickAsync();
        await Assertions.Expect(Card("camera-angles/low-angle")).ToHaveAttributeAsync("aria-pressed", "true");
        var edited = await SettledPromptAsync() + "\n" + ownLine;
        await TypePromptAsync(edited);

        await Card("lighting/neon-glow").ClickAsync();

        await Assertions.Expect(Card("lighting/neon-glow")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(Card("lighting/golden-hour")).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(Card("camera-angles/low-angle")).ToHaveAttributeAsync("aria-pressed", "true");
        var swap = Upstream.Requests[^1].Messages.Last(m => m.Role == "user").Content;
        Assert.Contains(edited.Trim(), swap, StringComparison.Ordinal);
        Assert.Contains("Take out (1):\n<enhancement category=\"lighting\">\nGolden Hour:", swap, StringComparison.Ordinal);
        Assert.Contains("Apply (1):\n<enhancement category=\"lighting\">\nNeon Glow:", swap, StringComparison.Ordinal);
        var beforeRemoval = await SettledPromptAsync();

        await Page.GetByTestId("remove-lighting/neon-glow").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("applied-lighting/neon-glow")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByTestId("applied-camera-angles/low-angle")).ToBeVisibleAsync();
        var removal = Upstream.Requests[^1].Messages.Last(m => m.Role == "user").Content;
        Assert.Contains(beforeRemoval.Trim(), removal, StringComparison.Ordinal);
        Assert.Contains("Take out (1):\n<enhancement category=\"lighting\">\nNeon Glow:", removal, StringComparison.Ordinal);
        Assert.Contains("Apply (0):", removal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preset_Apply_SendsOneUpstreamRequestAndMarksFourCards()
    {
        await OpenStudioAsync();
        await UseStarterAsync();
        Upstream.Reset();

        await Page.GetByTestId("preset-cinematic-drama").ClickAsync();

        await Assertions.Expect(Page.Locator("[data-testid^='applied-'][data-testid*='/']")).ToHaveCountAsync(4);
        await Assertions.Expect(Card("lighting/low-key-chiaroscuro")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Equal(1, Upstream.RequestCount);
    }

    [Fact]
    public async Task RefreshSuggestions_Category_ShowsSkeletonsThenFreshCardsBesideBuiltIns()
    {
        Upstream.Default = FakeReply.Auto() with { Delay = TimeSpan.FromMilliseconds(600) };
        await OpenStudioAsync();
        await UseStarterAsync();
        var builtIn = await Page.Locator("[data-testid='category-lighting'] [data-testid='card']").CountAsync();

        await Page.GetByTestId("refresh-lighting").ClickAsync();

        await Assertions.Expect(Page.Locator("[data-testid='category-lighting'] [data-testid='skeleton']")).ToHaveCountAsync(4);
        var fresh = Page.Locator("[data-testid='category-lighting'] .card.fresh");
        await Assertions.Expect(fresh).ToHaveCountAsync(4);
        await Assertions.Expect(fresh.First).ToContainTextAsync("Option 1");
        await Assertions.Expect(Page.Locator("[data-testid='category-lighting'] [data-testid='card']")).ToHaveCountAsync(builtIn + 4);

        await fresh.First.ClickAsync();
        await Assertions.Expect(fresh.First).ToHaveAttributeAsync("aria-pressed", "true");
    }

    [Fact]
    public async Task Structure_Prompt_ReplacesItWithStructuredText()
    {
        await OpenStudioAsync();
        await TypePromptAsync("A chef flips a pancake in a busy kitchen. Camera slowly pushes in. Mood is warm.");

        await Page.GetByTestId("structure").ClickAsync();

        await Assertions.Expect(Prompt).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^A cinematic take: "));
        await Assertions.Expect(Page.GetByTestId("history-entry").First).ToContainTextAsync("Structured");
    }

    [Fact]
    public async Task Keyboard_UndoRedoAndAutoGenerate_UseStudioHistory()
    {
        await OpenStudioAsync();
        await TypePromptAsync(Idea);
        await Prompt.FocusAsync();

        await Page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(Prompt).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^A cinematic take: "));
        var generated = await SettledPromptAsync();

        await Page.Keyboard.PressAsync("Control+z");
        await Assertions.Expect(Prompt).ToHaveValueAsync(Idea);

        await Page.Keyboard.PressAsync("Control+Shift+z");
        await Assertions.Expect(Prompt).ToHaveValueAsync(generated);

        await Page.Keyboard.PressAsync("Control+z");
        await Assertions.Expect(Prompt).ToHaveValueAsync(Idea);
        await Page.Keyboard.PressAsync("Control+y");
        await Assertions.Expect(Prompt).ToHaveValueAsync(generated);
        await Assertions.Expect(Page.Locator("[data-testid='history-entry'][aria-current='true']")).ToContainTextAsync("Auto-generated");
    }

    [Fact]
    public async Task History_TypingPause_AddsEntryAndClickRestores()
    {
        await OpenStudioAsync();
        await TypePromptAsync("first draft of the shot");
        await Assertions.Expect(Page.GetByTestId("history-entry")).ToHaveCountAsync(2, new() { Timeout = 6_000 });
        await TypePromptAsync("second draft of the shot");
        await Assertions.Expect(Page.GetByTestId("history-entry")).ToHaveCountAsync(3, new() { Timeout = 6_000 });

        await Page.GetByTestId("history").Locator("summary").ClickAsync();
        await Page.Locator("[data-testid='history-entry'][data-index='1']").ClickAsync();

        await Assertions.Expect(Prompt).ToHaveValueAsync("first draft of the shot");
        await Assertions.Expect(Page.Locator("[data-testid='history-entry'][data-index='1']")).ToHaveAttributeAsync("aria-current", "true");
    }

    [Fact]
    public async Task Copy_Prompt_PutsTextOnClipboardAndConfirms()
    {
        await OpenStudioAsync();
        var text = await UseStarterAsync();

        await Page.GetByTestId("copy").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("copy-status")).ToHaveTextAsync("Copied to clipboard");
        Assert.Equal(text, await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }

    [Fact]
    public async Task Modes_SwitchToAdvanced_ShowsAllGroupsAndIsRemembered()
    {
        await OpenStudioAsync();
        await Assertions.Expect(Page.Locator("[data-testid^='category-']")).ToHaveCountAsync(4);

        await Page.GetByTestId("mode-advanced").ClickAsync();

        await Assertions.Expect(Page.Locator("[data-testid^='category-']")).ToHaveCountAsync(12);
        await Assertions.Expect(Page.Locator("[data-testid^='group-']")).ToHaveCountAsync(4);
        await GotoStudioAsync(Page);
        await Assertions.Expect(Page.GetByTestId("mode-advanced")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(Page.Locator("[data-testid^='category-']")).ToHaveCountAsync(12);

        await Page.GetByTestId("mode-simple").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("presets")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Export_ProModelSizeAndSeconds_CopiesRequestJsonAndCurl()
    {
        await OpenStudioAsync();
        var prompt = await UseStarterAsync();
        await ChooseTargetAsync("sora-2");
        await OpenExportAsync();
        await Assertions.Expect(Page.GetByTestId("export-param-size").Locator("option")).ToHaveCountAsync(2);
        await Assertions.Expect(Page.GetByTestId("target-status")).ToContainTextAsync("retired 2026-09-24");

        await ChooseTargetAsync("sora-2-pro");
        await Assertions.Expect(Page.GetByTestId("export-param-size").Locator("option")).ToHaveCountAsync(4);
        await Page.GetByTestId("export-param-size").SelectOptionAsync("1792x1024");
        await Page.GetByTestId("export-param-seconds").SelectOptionAsync("8");
        await Assertions.Expect(Page.GetByTestId("export-preview")).ToContainTextAsync("size=1792x1024");
        await Page.GetByTestId("copy-json").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("export-copy-status")).ToHaveTextAsync("Request JSON copied");
        using var body = JsonDocument.Parse(await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        Assert.Equal("sora-2-pro", body.RootElement.GetProperty("model").GetString());
        Assert.Equal(prompt, body.RootElement.GetProperty("prompt").GetString());
        Assert.Equal("1792x1024", body.RootElement.GetProperty("size").GetString());
        Assert.Equal("8", body.RootElement.GetProperty("seconds").GetString());

        await Page.GetByTestId("copy-curl").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("export-copy-status")).ToHaveTextAsync("curl command copied");
        var curl = await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.StartsWith("curl https://api.openai.com/v1/videos", curl, StringComparison.Ordinal);
        Assert.Contains("-F model=sora-2-pro", curl, StringComparison.Ordinal);
        Assert.Contains("-F size=1792x1024", curl, StringComparison.Ordinal);

        await ChooseTargetAsync("sora-2");
        await Assertions.Expect(Page.GetByTestId("export-param-size")).ToHaveValueAsync("720x1280");
        await Assertions.Expect(Page.GetByTestId("export-param-seconds")).ToHaveValueAsync("4");
        await ChooseTargetAsync("sora-2-pro");
        await Assertions.Expect(Page.GetByTestId("export-param-size")).ToHaveValueAsync("1792x1024");
        await Assertions.Expect(Page.GetByTestId("export-param-seconds")).ToHaveValueAsync("8");
    }

    [Fact]
    public async Task Fallback_UpstreamFails_ShowsOfflineEngineMessage()
    {
        Upstream.Default = FakeReply.Status(500);
        await OpenStudioAsync();
        await TypePromptAsync(Idea);

        await Page.GetByTestId("auto-generate").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("notice")).ToContainTextAsync("LLM unavailable — answered by the offline engine");
        await Assertions.Expect(Page.GetByTestId("engine-label")).ToHaveTextAsync("Offline");
        Assert.NotEqual(Idea, await PromptValueAsync());
    }

    [Fact]
    public async Task Xss_ScriptAndMarkupInPrompt_RenderAsText()
    {
        const string payload = "<img src=x onerror=\"window.__xss=1\"> <script>window.__xss=2</script> a fox runs";
        await OpenStudioAsync();

        await TypePromptAsync(payload);
        await Assertions.Expect(Page.GetByTestId("history-entry")).ToHaveCountAsync(2, new() { Timeout = 6_000 });
        await Page.GetByTestId("auto-generate").ClickAsync();
        await Assertions.Expect(Prompt).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^A cinematic take: "));
        await Page.GetByTestId("history").Locator("summary").ClickAsync();
        await ChooseTargetAsync("runway-gen4.5");
        await OpenExportAsync();
        await Page.GetByTestId("export-param-duration").SelectOptionAsync("5");

        await Assertions.Expect(Page.GetByTestId("history")).ToContainTextAsync("<img src=x");
        await Assertions.Expect(Page.GetByTestId("export-preview")).ToContainTextAsync("<script>");
        await Assertions.Expect(Page.GetByTestId("export-body")).ToContainTextAsync("<img src=x");
        Assert.Equal(0, await Page.Locator("main img, main script").CountAsync());
        Assert.True(await Page.EvaluateAsync<bool>("() => window.__xss === undefined"));
    }

    [Fact]
    public async Task Mobile_Viewport_HasNoHorizontalScroll()
    {
        await Context.CloseAsync();
        Context = await NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        Page = await Context.NewPageAsync();
        Watch(Page);
        await OpenStudioAsync();
        await UseStarterAsync();
        await ChooseTargetAsync("veo-3.1");
        await OpenExportAsync();
        await Assertions.Expect(Page.GetByTestId("export-poll")).ToBeVisibleAsync();
        Assert.True(await NoHorizontalScrollAsync());

        await Page.GetByTestId("mode-advanced").ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid^='category-']")).ToHaveCountAsync(12);

        Assert.True(await NoHorizontalScrollAsync());
        var editor = await Page.GetByTestId("prompt").BoundingBoxAsync();
        var firstCard = await Page.GetByTestId("card").First.BoundingBoxAsync();
        Assert.True(editor!.Y + editor.Height <= firstCard!.Y, "On a phone the enhancement cards come below the editor.");
    }

    private Task<bool> NoHorizontalScrollAsync() =>
        Page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth");

    /// <summary>
    /// Clicks a card in the page and measures, in the browser, until the prompt on screen first changes and until the
    /// action is complete (the editor is no longer busy).
    /// </summary>
    private async Task<(double FirstText, double Complete)> ClickAndTimeUntilPromptChangesAsync(string cardId)
    {
        var times = await Page.EvaluateAsync<double[]>(
            """
            (id) => new Promise((resolve, reject) => {
              const area = document.querySelector("[data-testid='prompt']");
              const card = document.querySelector(`[data-testid='card'][data-card-id='${id}']`);
              const before = area.value;
              const start = performance.now();
              let first = null;
              card.click();
              const poll = () => {
                const now = performance.now();
                if (first === null && area.value !== before) { first = now - start; }
                if (first !== null && area.getAttribute("aria-busy") === "false") { resolve([first, now - start]); return; }
                if (now - start > 10000) { reject(new Error("prompt did not change")); return; }
                requestAnimationFrame(poll);
              };
              requestAnimationFrame(poll);
            })
            """,
            cardId);
        return (times[0], times[1]);
    }
}
