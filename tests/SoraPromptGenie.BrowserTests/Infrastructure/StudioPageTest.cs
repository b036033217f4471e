using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SoraPromptGenie.BrowserTests.Infrastructure;

/// <summary>
/// A new browser context per test, failing on any uncaught page error, with a screenshot of the final state saved under
/// artifacts/screenshots/ whatever the outcome.
/// </summary>
public abstract class StudioPageTest(StudioFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<string> _pageErrors = [];
    private string _name = "test";

    protected StudioFixture Fixture => fixture;

    protected ITestOutputHelper Output => output;

    protected IBrowserContext Context { get; set; } = null!;

    protected IPage Page { get; set; } = null!;

    protected ILocator Prompt => Page.GetByTestId("prompt");

    public virtual async Task InitializeAsync()
    {
        fixture.App.Upstream.Reset();
        Context = await NewContextAsync();
        Page = await Context.NewPageAsync();
        Watch(Page);
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotDirectory, _name + ".png"), FullPage = true });
        }
        finally
        {
            await Context.CloseAsync();
        }

        Assert.True(_pageErrors.Count == 0, "Page errors: " + string.Join(" | ", _pageErrors));
    }

    protected virtual BrowserNewContextOptions ContextOptions => new() { ViewportSize = new() { Width = 1366, Height = 900 } };

    protected async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        var context = await fixture.Browser.NewContextAsync(options ?? ContextOptions);
        context.SetDefaultTimeout(15_000);
        return context;
    }

    protected void Watch(IPage page)
    {
        page.PageError += (_, error) => _pageErrors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                output.WriteLine("console error: " + message.Text);
            }
        };
    }

    /// <summary>Opens the studio and waits until the circuit is attached (the page marks itself interactive then).</summary>
    protected async Task OpenStudioAsync([CallerMemberName] string name = "")
    {
        _name = name;
        await GotoStudioAsync(Page);
    }

    protected async Task GotoStudioAsync(IPage page, string path = "/")
    {
        await page.GotoAsync(new Uri(fixture.App.BaseUrl, path).ToString());
        await Assertions.Expect(page.GetByTestId("studio")).ToHaveAttributeAsync("data-interactive", "true");
    }

    /// <summary>
    /// Types into the prompt like a person (input events reach the circuit) and waits until the length meter counts it: in
    /// characters or UTF-16 code units where the target counts them ("100 / 2,500 characters"), else by its words.
    /// </summary>
    protected async Task TypePromptAsync(string text)
    {
        await Prompt.FillAsync(text);
        var length = text.Length.ToString(CultureInfo.InvariantCulture);
        var grouped = text.Length.ToString("N0", CultureInfo.InvariantCulture);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var counted = new Regex($@"(^|[^\d,])({length}|{Regex.Escape(grouped)})( / [\d,]+)? (characters|UTF-16 code units)|≈ [\d,]+ / [\d,]+ \w+ · {words} words?$");
        await Assertions.Expect(Page.GetByTestId("counts")).ToContainTextAsync(counted);
    }

    /// <summary>Starts from a starter prompt and returns its text once it is on screen.</summary>
    protected async Task<string> UseStarterAsync(string id = "fox-snowy-road")
    {
        await Page.GetByTestId("starter-" + id).ClickAsync();
        await Assertions.Expect(Prompt).Not.ToHaveValueAsync(string.Empty);
        return await PromptValueAsync();
    }

    /// <summary>Picks the video model the prompt is written for and waits until the studio shows it.</summary>
    protected async Task ChooseTargetAsync(string id)
    {
        await Page.GetByTestId("target-picker").SelectOptionAsync(id);
        await Assertions.Expect(Page.GetByTestId("export")).ToHaveAttributeAsync("data-target", id);
    }

    /// <summary>Opens the export panel (a closed details element).</summary>
    protected async Task OpenExportAsync()
    {
        await Page.GetByTestId("export").Locator("summary").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("export")).ToHaveAttributeAsync("open", string.Empty);
    }

    protected ILocator Card(string id) => Page.Locator($"[data-testid='card'][data-card-id='{id}']");

    protected async Task<string> PromptValueAsync() => await Prompt.InputValueAsync();

    /// <summary>Waits until no action is running (the editor is busy while an answer streams in) and returns the prompt.</summary>
    protected async Task<string> SettledPromptAsync()
    {
        await Assertions.Expect(Prompt).ToHaveAttributeAsync("aria-busy", "false");
        return await PromptValueAsync();
    }
}
