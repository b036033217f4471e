using SoraPromptGenie.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SoraPromptGenie.BrowserTests.Ops.Security;

/// <summary>
/// The site's policy allows connections to its own origin only. Blazor would quietly fall back to Server-Sent Events
/// if the browser refused its WebSocket, so the test checks the socket itself, not just that the studio works.
/// </summary>
[Collection(StudioGroup.Name)]
public sealed class ContentSecurityPolicyTests(DefaultStudioFixture fixture, ITestOutputHelper output) : StudioPageTest(fixture, output)
{
    [Fact]
    public async Task Studio_ConnectSrcSelf_CircuitUsesSameOriginWebSocket()
    {
        var sockets = new List<string>();
        var violations = new List<string>();
        Page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await OpenStudioAsync();
        await using var response = await Page.APIRequest.GetAsync(Fixture.App.BaseUrl.ToString());
        await TypePromptAsync("a heron waits in the reeds");

        Assert.Contains("connect-src 'self';", response.Headers["content-security-policy"], StringComparison.Ordinal);
        var circuit = Assert.Single(sockets, url => url.Contains("/_blazor", StringComparison.Ordinal));
        Assert.StartsWith($"ws://{Fixture.App.BaseUrl.Authority}/_blazor", circuit, StringComparison.Ordinal);
        Assert.Empty(violations);
    }
}
