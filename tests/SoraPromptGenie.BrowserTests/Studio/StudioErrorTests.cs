using Microsoft.Playwright;
using SoraPromptGenie.BrowserTests.Infrastructure;
using SoraPromptGenie.FakeUpstream;
using Xunit.Abstractions;

namespace SoraPromptGenie.BrowserTests.Studio;

[Collection(RateLimitedGroup.Name)]
public sealed class StudioRateLimitTests(RateLimitedStudioFixture fixture, ITestOutputHelper output) : StudioPageTest(fixture, output)
{
    [Fact]
    public async Task AutoGenerate_OverAiLimit_ShowsWhenToRetryAndKeepsPrompt()
    {
        await OpenStudioAsync();
        await TypePromptAsync("a kite rises over the dunes");
        await Page.GetByTestId("auto-generate").ClickAsync();
        await Assertions.Expect(Prompt).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^A cinematic take: "));
        const string idea = "a second idea for another shot";
        await TypePromptAsync(idea);
        var requests = Fixture.App.Upstream.RequestCount;

        await Page.GetByTestId("auto-generate").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("notice")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"^Too many requests — try again in \d+ (minutes?|seconds?)\."));
        await Assertions.Expect(Prompt).ToHaveValueAsync(idea);
        Assert.Equal(requests, Fixture.App.Upstream.RequestCount);
    }
}

[Collection(NoFallbackGroup.Name)]
public sealed class StudioUpstreamFailureTests(NoFallbackStudioFixture fixture, ITestOutputHelper output) : StudioPageTest(fixture, output)
{
    [Fact]
    public async Task AutoGenerate_UpstreamDownWithoutFallback_ShowsMessageAndKeepsPrompt()
    {
        Fixture.App.Upstream.Default = FakeReply.Status(429, retryAfter: TimeSpan.FromMinutes(5));
        const string idea = "a train crosses a frozen lake";
        await OpenStudioAsync();
        await TypePromptAsync(idea);

        await Page.GetByTestId("auto-generate").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("notice")).ToContainTextAsync("The language model is unavailable right now");
        await Assertions.Expect(Page.GetByTestId("notice")).ToContainTextAsync("Your prompt is unchanged");
        await Assertions.Expect(Prompt).ToHaveValueAsync(idea);
        await Assertions.Expect(Page.GetByTestId("notice")).Not.ToContainTextAsync("{");
    }

    [Fact]
    public async Task Card_Upstream500WithoutFallback_SaysSoNextToTheCardAndLeavesCardUnappliedAndPromptUnchanged()
    {
        Fixture.App.Upstream.Default = FakeReply.Status(500);
        await OpenStudioAsync();
        var starter = await UseStarterAsync();

        await Page.Locator("[data-testid='card'][data-card-id='lighting/golden-hour']").ClickAsync();

        var notice = Page.GetByTestId("category-lighting").GetByTestId("notice");
        await Assertions.Expect(notice).ToContainTextAsync("The language model failed with an error of its own (HTTP 500).");
        await Assertions.Expect(notice).ToBeInViewportAsync();
        await Assertions.Expect(Page.Locator("[data-testid='card'][data-card-id='lighting/golden-hour']")).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(Prompt).ToHaveValueAsync(starter);
    }
}
