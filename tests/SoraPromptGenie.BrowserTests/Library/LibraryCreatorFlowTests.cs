using Microsoft.Playwright;
using SoraPromptGenie.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SoraPromptGenie.BrowserTests.Library;

/// <summary>The library as a creator meets it: the new key, signing out, saving, versions, reloads and shared prompts.</summary>
[Collection(StudioGroup.Name)]
public sealed class LibraryCreatorFlowTests(DefaultStudioFixture fixture, ITestOutputHelper output) : StudioPageTest(fixture, output)
{
    private const int PhoneWidth = 390;

    protected override BrowserNewContextOptions ContextOptions => new()
    {
        ViewportSize = new() { Width = 1366, Height = 900 },
        Permissions = ["clipboard-read", "clipboard-write"],
        AcceptDownloads = true,
    };

    [Fact]
    public async Task NewKey_OnAPhone_IsScrolledIntoViewFitsAndDownloadsWithoutSendingTheKey()
    {
        await Context.CloseAsync();
        Context = await NewContextAsync(new() { ViewportSize = new() { Width = PhoneWidth, Height = 844 }, AcceptDownloads = true });
        Page = await Context.NewPageAsync();
        Watch(Page);
        var requested = new List<string>();
        Page.Request += (_, request) => requested.Add(request.Url + " " + request.PostData);
        await OpenStudioAsync();

        await Page.GetByTestId("create-workspace").ClickAsync();

        var box = Page.GetByTestId("new-key-box");
        await Assertions.Expect(box).ToBeInViewportAsync();
        await Assertions.Expect(Page.GetByTestId("new-key-warning")).ToHaveTextAsync(
            "Without this key nobody, not even us, can open this library again; it is not stored anywhere else.");
        var key = await Page.GetByTestId("new-key").InputValueAsync();
        Assert.True(key.Length > 20);
        Assert.True(await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= PhoneWidth, "the page overflows the phone's width");
        var right = await box.EvaluateAsync<double>("e => e.getBoundingClientRect().right");
        Assert.True(right <= PhoneWidth, $"the key box ends at {right}px");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("download-key").ClickAsync());
        var file = await File.ReadAllTextAsync((await download.PathAsync())!);

        Assert.Equal("sora-prompt-genie-library-key.txt", download.SuggestedFilename);
        Assert.StartsWith("blob:", download.Url, StringComparison.Ordinal);
        Assert.Contains("\n" + key + "\n", file, StringComparison.Ordinal);
        Assert.Contains("\"Sign in with key\" in the Library panel and paste the key", file, StringComparison.Ordinal);
        Assert.DoesNotContain(requested, r => r.Contains(key, StringComparison.Ordinal));
        await ShotAsync(Page, "library-new-key-phone");
    }

    [Fact]
    public async Task SignOut_AsksFirst_CancelKeepsTheLibraryAndConfirmSignsOut()
    {
        await OpenStudioAsync();
        await CreateLibraryAsync();

        await Page.GetByTestId("signout").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("signout-confirm")).ToContainTextAsync("Sign out? You need your key to open this library again.");
        await Assertions.Expect(Page.GetByTestId("signout-cancel")).ToBeFocusedAsync();
        await Page.GetByTestId("signout-cancel").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("signout-confirm")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByTestId("library-save")).ToBeVisibleAsync();
        Assert.Contains(await Context.CookiesAsync(), c => c.Name == "spg_workspace");

        await Page.GetByTestId("signout").ClickAsync();
        await Page.GetByTestId("signout-confirm-button").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("workspace-outcome")).ToContainTextAsync("Signed out");
        await Assertions.Expect(Page.GetByTestId("create-workspace")).ToBeVisibleAsync();
        Assert.DoesNotContain(await Context.CookiesAsync(), c => c.Name == "spg_workspace");
    }

    [Fact]
    public async Task Save_WithoutTitle_NamesThePromptAfterItsFirstWords()
    {
        await OpenStudioAsync();
        await CreateLibraryAsync();
        await TypePromptAsync("A lighthouse keeper climbs the spiral stairs at dawn, lantern swinging.");

        await Page.GetByTestId("library-save").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("library-item-title")).ToHaveTextAsync("A lighthouse keeper climbs the spiral stairs at…");
        await Assertions.Expect(Page.GetByTestId("library-open")).ToContainTextAsync("version 1");
        await Assertions.Expect(Page.GetByTestId("library-title")).ToHaveValueAsync("A lighthouse keeper climbs the spiral stairs at…");
    }

    [Fact]
    public async Task Versions_AfterAnEdit_ShowTimeOperationAndTheWordsThatChanged()
    {
        await OpenStudioAsync();
        await CreateLibraryAsync();
        await TypePromptAsync("A red fox trots along a snowy road at dusk, filmed from a low tracking shot.");
        await Page.GetByTestId("library-title").FillAsync("Fox");
        await Page.GetByTestId("library-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("library-open")).ToContainTextAsync("version 1");

        await TypePromptAsync("A grey fox trots along a snowy road at dusk, filmed from a low tracking shot.");
        await Page.GetByTestId("library-save").ClickAsync();

        var newest = Page.Locator("[data-testid='version'][data-number='2']");
        await Assertions.Expect(newest.GetByTestId("version-operation")).ToHaveTextAsync("saved");
        await Assertions.Expect(newest.GetByTestId("version-time")).ToHaveTextAsync("just now");
        await Assertions.Expect(newest.GetByTestId("version-time")).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$"));
        await Assertions.Expect(newest.Locator("[data-testid='version-diff'] del")).ToHaveTextAsync("red");
        await Assertions.Expect(newest.Locator("[data-testid='version-diff'] ins")).ToHaveTextAsync("grey");
        await Assertions.Expect(newest.Locator(".diff-skipped")).ToHaveCountAsync(1);

        await Page.Locator("[data-testid='version'][data-number='1']").GetByTestId("version-restore").ClickAsync();
        var restored = Page.Locator("[data-testid='version'][data-number='3']");
        await Assertions.Expect(restored.GetByTestId("version-operation")).ToHaveTextAsync("restored from v1");
        await Assertions.Expect(restored.Locator("[data-testid='version-diff'] ins")).ToHaveTextAsync("red");
        await ShotAsync(Page, "library-versions-diff");
    }

    [Fact]
    public async Task Reload_WithAPromptOpen_KeepsItOpenSoSavingAddsAVersion()
    {
        await OpenStudioAsync();
        await CreateLibraryAsync();
        await TypePromptAsync("A paper boat drifts down a rain gutter, macro lens, shallow focus.");
        await Page.GetByTestId("library-title").FillAsync("Paper boat");
        await Page.GetByTestId("library-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("library-open")).ToContainTextAsync("version 1");
        await Page.WaitForFunctionAsync("() => localStorage.getItem('spg.library.open') !== null");

        await GotoStudioAsync(Page);

        await Assertions.Expect(Page.GetByTestId("library-open")).ToContainTextAsync("Paper boat");
        await Assertions.Expect(Page.GetByTestId("library-save")).ToHaveTextAsync("Save version");
        await Assertions.Expect(Page.GetByTestId("library-title")).ToHaveValueAsync("Paper boat");
        await TypePromptAsync("A paper boat drifts down a rain gutter at night, macro lens, shallow focus.");
        await Page.GetByTestId("library-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("library-open")).ToContainTextAsync("version 2");
        await Assertions.Expect(Page.GetByTestId("library-item")).ToHaveCountAsync(1);

        await Page.GetByTestId("library-new").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("library-save")).ToHaveTextAsync("Save to library");
        await Page.WaitForFunctionAsync("() => localStorage.getItem('spg.library.open') === null");
        await GotoStudioAsync(Page);
        await Assertions.Expect(Page.GetByTestId("library-item")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.GetByTestId("library-save")).ToHaveTextAsync("Save to library");
    }

    [Fact]
    public async Task ShareLink_ReopenedPrompt_CopiesTheSameLinkAndCanBeASnapshotOrFollowSaves()
    {
        const string first = "A red fox trots along a snowy road at dusk, low tracking shot.";
        const string second = "A grey fox trots along a snowy road at night, low tracking shot.";
        await OpenStudioAsync();
        await CreateLibraryAsync();
        await TypePromptAsync(first);
        await Page.GetByTestId("library-title").FillAsync("Fox");
        await Page.GetByTestId("library-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("library-open")).ToContainTextAsync("version 1");
        await Page.GetByTestId("share-snapshot").CheckAsync();
        await Page.GetByTestId("share-create").ClickAsync();
        var url = await Page.GetByTestId("share-url").InputValueAsync();
        await TypePromptAsync(second);
        await Page.GetByTestId("library-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("library-open")).ToContainTextAsync("version 2");

        await using var stranger = await NewContextAsync();
        var shared = await stranger.NewPageAsync();
        Watch(shared);
        await shared.GotoAsync(url);
        await Assertions.Expect(shared.GetByTestId("shared-text")).ToHaveTextAsync(first);
        await Assertions.Expect(shared.GetByTestId("shared-meta")).ToContainTextAsync("Version 1 (a snapshot");

        await GotoStudioAsync(Page);
        await Page.GetByTestId("clear").ClickAsync();
        await Page.GetByTestId("library-item-open").ClickAsync();
        await Assertions.Expect(Prompt).ToHaveValueAsync(second);
        await Assertions.Expect(Page.GetByTestId("share-url")).ToHaveValueAsync(url);
        await Assertions.Expect(Page.GetByTestId("share-snapshot")).ToBeCheckedAsync();
        await Page.GetByTestId("share-copy").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("library-copy-status")).ToHaveTextAsync("Copied to clipboard");
        Assert.Equal(url, await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        await Page.GetByTestId("share-live").CheckAsync();
        await Assertions.Expect(Page.GetByTestId("library-message")).ToContainTextAsync("follows every later save");
        await shared.GotoAsync(url);
        await Assertions.Expect(shared.GetByTestId("shared-text")).ToHaveTextAsync(second);
        await Assertions.Expect(shared.GetByTestId("shared-meta")).ToContainTextAsync("Version 2 ·");
        await Assertions.Expect(Page.GetByTestId("share-url")).ToHaveValueAsync(url);
    }

    [Fact]
    public async Task SharedPage_CopyAndOpenInStudio_WorkWithoutALibrary()
    {
        const string text = "A paper lantern drifts over a dark lake, slow crane up, warm candlelight.";
        await OpenStudioAsync();
        await CreateLibraryAsync();
        await TypePromptAsync(text);
        await Page.GetByTestId("library-title").FillAsync("Lantern");
        await Page.GetByTestId("library-save").ClickAsync();
        await Page.GetByTestId("share-create").ClickAsync();
        var url = await Page.GetByTestId("share-url").InputValueAsync();

        await using var stranger = await NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 }, Permissions = ["clipboard-read", "clipboard-write"] });
        var shared = await stranger.NewPageAsync();
        Watch(shared);
        await shared.GotoAsync(url);
        await shared.GetByTestId("shared-copy").ClickAsync();
        await Assertions.Expect(shared.GetByTestId("shared-copy-status")).ToHaveTextAsync("Copied to clipboard");
        Assert.Equal(text, await shared.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        var token = url[(url.LastIndexOf('/') + 1)..];
        var requested = new List<string>();
        shared.Request += (_, request) => requested.Add(request.Url);
        await shared.GetByTestId("shared-open").ClickAsync();

        await Assertions.Expect(shared.GetByTestId("studio")).ToHaveAttributeAsync("data-interactive", "true");
        await Assertions.Expect(shared.GetByTestId("prompt")).ToHaveValueAsync(text);
        await Assertions.Expect(shared.GetByTestId("history-entry").First).ToContainTextAsync("Opened shared prompt: Lantern");
        await Assertions.Expect(shared.GetByTestId("create-workspace")).ToBeVisibleAsync();
        await Assertions.Expect(shared).ToHaveURLAsync(new Uri(Fixture.App.BaseUrl, "/").ToString());
        Assert.Contains(requested, r => r == new Uri(Fixture.App.BaseUrl, "/").ToString());
        Assert.DoesNotContain(requested, r => r.Contains(token, StringComparison.Ordinal));
        await shared.ReloadAsync();
        await Assertions.Expect(shared.GetByTestId("studio")).ToHaveAttributeAsync("data-interactive", "true");
        await Assertions.Expect(shared.GetByTestId("prompt")).ToHaveValueAsync(text);
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotDirectory, name + ".png"), FullPage = true });

    private async Task CreateLibraryAsync()
    {
        await Page.GetByTestId("create-workspace").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("new-key-box")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("studio")).ToHaveAttributeAsync("data-interactive", "true");
    }
}
