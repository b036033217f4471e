using Microsoft.AspNetCore.Http;
using SoraPromptGenie.Library;

namespace SoraPromptGenie.Tests.Library;

/// <summary>The studio's sign-in form post and the shared prompt page, over HTTP.</summary>
public sealed class WorkspaceSessionEndpointTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task PostSession_WithoutAntiforgeryToken_IsRefusedAndSetsNoCookie()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = WorkspaceSession.Create });

        var (status, cookies) = await PostAsync(client, form);

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.DoesNotContain(cookies, c => c.StartsWith(WorkspaceAuth.CookieName, StringComparison.Ordinal));
    }

    /// <summary>The test server rethrows the framework's 400 (a BadHttpRequestException) that Kestrel would send.</summary>
    private static async Task<(int Status, IReadOnlyList<string> Cookies)> PostAsync(HttpClient client, HttpContent form)
    {
        try
        {
            using var response = await client.PostAsync(new Uri(WorkspaceSession.Path, UriKind.Relative), form);
            return ((int)response.StatusCode, response.Headers.TryGetValues("Set-Cookie", out var cookies) ? [.. cookies] : []);
        }
        catch (BadHttpRequestException refused)
        {
            return (refused.StatusCode, []);
        }
    }

    [Fact]
    public async Task GetSharedPage_UnknownToken_Answers404WithTheShareNotFoundPage()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/p/no-such-token", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("data-testid=\"shared-not-found\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Shared prompt not found", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSharedPage_SharedPromptWithMarkup_EncodesIt()
    {
        using var client = factory.CreateClient();
        var workspace = await client.CreateWorkspaceAsync();
        using var created = await client.SendAsync(HttpMethod.Post, "/api/prompts", workspace.Key, new { title = "<b>t</b>", text = "<script>alert(1)</script>" });
        var id = (await created.ReadAsync<PromptResponse>()).Id;
        using var shared = await client.SendAsync(HttpMethod.Post, $"/api/prompts/{id}/share", workspace.Key);
        var token = (await shared.ReadAsync<ShareResponse>()).Token;

        var html = await client.GetStringAsync(new Uri("/p/" + token, UriKind.Relative));

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"shared-title\">&lt;b&gt;t&lt;/b&gt;", html, StringComparison.Ordinal);
    }
}
