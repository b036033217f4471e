using Microsoft.Playwright;
using SoraPromptGenie.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SoraPromptGenie.BrowserTests.Library;

[Collection(StudioGroup.Name)]
public sealed class LibraryFlowTests(DefaultStudioFixture fixture, ITestOutputHelper output) : StudioPageTest(fixture, output)
{
    protected override BrowserNewContextOptions ContextOptions => new()
    {
        ViewportSize = new() { Width = 1366, Height = 900 },
        Permissions = ["clipboard-read", "clipboard-write"],
    };

    private ILocator Library => Page.GetByTestId("library");

    [Fact]
    public async Task Library_SaveReloadOpenRestoreShareRevoke_WorksEndToEnd()
    {
        await OpenStudioAsync();
        await CreateLibraryAsync();
        await Assertions.Expect(Page.GetByTestId("new-key")).Not.ToHaveValueAsync(string.Empty);
        await ShotAsync(Page, "library-1-created");
        var first = await UseStarterAsync();

        await Page.GetByTestId("library-title").FillAsync("Fox on the road");
        await Page.GetByTestId("library-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("library-item")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.GetByTestId("library-open")).ToContainTextAsync("version 1");
        await ShotAsync(Page, "library-2-saved");

        await GotoStudioAsync(Page);
        await Assertions.Expect(Page.GetByTestId("new-key-box")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByTestId("library-item-title")).ToHaveTextAsync("Fox on the road");
        await Assertions.Expect(Prompt).ToHaveValueAsync(first);
        await ShotAsync(Page, "library-3-reloaded");
        await Page.GetByTestId("clear").ClickAsync();
        await Assertions.Expect(Prompt).ToHaveValueAsync(string.Empty);

        await Page.GetByTestId("library-item-open").ClickAsync();
        await Assertions.Expect(Prompt).ToHaveValueAsync(first);
        await Assertions.Expect(Page.GetByTestId("history-entry").First).ToContainTextAsync("Opened: Fox on the road");
        await ShotAsync(Page, "library-4-opened");

        const string second = "A red fox trots along a snowy road at dusk, filmed from a low tracking shot.";
        await TypePromptAsync(second);
        await Page.GetByTestId("library-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("library-open")).ToContainTextAsync("version 2");
        await Assertions.Expect(Page.GetByTestId("version")).ToHaveCountAsync(2);

        await Page.Locator("[data-testid='version'][data-number='1']").GetByTestId("version-restore").ClickAsync();
        await Assertions.Expect(Prompt).ToHaveValueAsync(first);
        await Assertions.Expect(Page.GetByTestId("version")).ToHaveCountAsync(3);
        await Assertions.Expect(Page.Locator("[data-testid='version'][data-number='3']")).ToContainTextAsync("restored from v1");
        await ShotAsync(Page, "library-5-restored");

        await Page.GetByTestId("share-create").ClickAsync();
        var url = await Page.GetByTestId("share-url").InputValueAsync();
        Assert.StartsWith(new Uri(Fixture.App.BaseUrl, "/p/").ToString(), url, StringComparison.Ordinal);
        await Page.GetByTestId("share-copy").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("library-copy-status")).ToHaveTextAsync("Copied to clipboard");
        Assert.Equal(url, await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        await using (var stranger = await NewContextAsync())
        {
            var shared = await stranger.NewPageAsync();
            Watch(shared);
            var response = await shared.GotoAsync(url);
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(shared.GetByTestId("shared-title")).ToHaveTextAsync("Fox on the road");
            await Assertions.Expect(shared.GetByTestId("shared-text")).ToHaveTextAsync(first);
            await ShotAsync(shared, "library-6-shared");

            await Page.GetByTestId("share-revoke").ClickAsync();
            await Assertions.Expect(Page.GetByTestId("library-message")).ToContainTextAsync("revoked");

            await shared.GotoAsync(url);
            await Assertions.Expect(shared.GetByTestId("shared-not-found")).ToBeVisibleAsync();
            await ShotAsync(shared, "library-7-revoked");
        }
    }

    [Fact]
    public async Task SignIn_KeyFromAnotherBrowser_OpensSameLibraryAndWrongKeyIsRefused()
    {
        await OpenStudioAsync();
        await CreateLibraryAsync();
        var key = await Page.GetByTestId("new-key").InputValueAsync();
        await UseStarterAsync();
        await Page.GetByTestId("library-title").FillAsync("Carried over");
        await Page.GetByTestId("library-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("library-item")).ToHaveCountAsync(1);

        await using var other = await NewContextAsync();
        var second = await other.NewPageAsync();
        Watch(second);
        await GotoStudioAsync(second);
        await second.GetByTestId("signin-key").FillAsync("not-a-real-key");
        await second.GetByTestId("signin").ClickAsync();
        await Assertions.Expect(second.GetByTestId("workspace-outcome")).ToContainTextAsync("opens no library");
        await Assertions.Expect(second.GetByTestId("studio")).ToHaveAttributeAsync("data-interactive", "true");
        await second.GetByTestId("signin-key").FillAsync(key);
        await second.GetByTestId("signin").ClickAsync();

        await Assertions.Expect(second.GetByTestId("workspace-outcome")).ToContainTextAsync("Signed in");
        await Assertions.Expect(second.GetByTestId("library-item-title")).ToHaveTextAsync("Carried over");
        var cookie = (await other.CookiesAsync()).Single(c => c.Name == "spg_workspace");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        Assert.Equal(0, await second.EvaluateAsync<int>("() => document.cookie.length"));
        await ShotAsync(second, "library-signed-in-elsewhere");
    }

    [Fact]
    public async Task Library_DeleteAndSearch_UpdateTheList()
    {
        await OpenStudioAsync();
        await CreateLibraryAsync();
        await UseStarterAsync();
        await Page.GetByTestId("library-title").FillAsync("Alpha harbour");
        await Page.GetByTestId("library-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("library-open")).ToContainTextAsync("Alpha harbour");
        await Page.GetByTestId("library-new").ClickAsync();
        await Page.GetByTestId("library-title").FillAsync("Beta desert");
        await Page.GetByTestId("library-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("library-open")).ToContainTextAsync("Beta desert");

        await Assertions.Expect(Page.GetByTestId("library-item")).ToHaveCountAsync(2);

        await Page.GetByTestId("library-search").FillAsync("desert");
        await Page.GetByTestId("library-search").PressAsync("Enter");
        await Assertions.Expect(Page.GetByTestId("library-item")).ToHaveCountAsync(1);
        await Page.GetByTestId("library-item-delete").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("library-empty")).ToContainTextAsync("No saved prompt matches");
        await Page.GetByTestId("library-search").FillAsync(string.Empty);
        await Page.GetByTestId("library-search").PressAsync("Enter");

        await Assertions.Expect(Page.GetByTestId("library-item-title")).ToHaveTextAsync("Alpha harbour");
        await ShotAsync(Page, "library-delete-search");
    }

    [Fact]
    public async Task SharedPage_ScriptInPrompt_IsShownAsText()
    {
        const string payload = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script> a fox";
        await OpenStudioAsync();
        await CreateLibraryAsync();
        await TypePromptAsync(payload);
        await Page.GetByTestId("library-title").FillAsync("<b>bold</b>");
        await Page.GetByTestId("library-save").ClickAsync();
        await Page.GetByTestId("share-create").ClickAsync();
        var url = await Page.GetByTestId("share-url").InputValueAsync();

        var shared = await Context.NewPageAsync();
        Watch(shared);
        await shared.GotoAsync(url);

        await Assertions.Expect(shared.GetByTestId("shared-text")).ToHaveTextAsync(payload);
        await Assertions.Expect(shared.GetByTestId("shared-title")).ToHaveTextAsync("<b>bold</b>");
        Assert.Equal(0, await shared.Locator("[data-testid='shared-text'] img, [data-testid='shared-text'] script").CountAsync());
        Assert.Null(await shared.EvaluateAsync<int?>("() => window.__xss ?? null"));
        await Assertions.Expect(Page.GetByTestId("library-item-title")).ToHaveTextAsync("<b>bold</b>");
        await ShotAsync(shared, "library-shared-xss");
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
