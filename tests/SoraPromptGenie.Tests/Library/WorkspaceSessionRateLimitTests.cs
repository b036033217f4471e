using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SoraPromptGenie.Library;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Library;

/// <summary>The studio's sign-in form post spends the same general budget as the /api routes.</summary>
public sealed partial class WorkspaceSessionRateLimitTests(SqliteAppFactory<SmallRateLimits> factory) : IClassFixture<SqliteAppFactory<SmallRateLimits>>
{
    [Fact]
    public async Task PostSession_OverTheGeneralLimit_Answers429AndCreatesNoLibrary()
    {
        // Outside Development the app's cookies are Secure, so the client sends the antiforgery cookie back over HTTPS only.
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
        var studio = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var token = AntiforgeryField().Match(studio) is { Success: true } match
            ? match.Groups["token"].Value
            : throw new InvalidOperationException("the studio page carries no antiforgery token");

        var statuses = new List<HttpStatusCode>();
        string? rejection = null;
        for (var i = 0; i < SmallRateLimits.General + 1; i++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["action"] = WorkspaceSession.Create,
            });
            using var response = await client.PostAsync(new Uri(WorkspaceSession.Path, UriKind.Relative), form);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
                rejection = await response.Content.ReadAsStringAsync();
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, SmallRateLimits.General), HttpStatusCode.TooManyRequests], statuses);
        Assert.StartsWith("Too many requests. Try again in ", rejection, StringComparison.Ordinal);
        await using var db = factory.Database.CreateContext();
        Assert.Equal(SmallRateLimits.General, await db.Workspaces.CountAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"|value=\"(?<token>[^\"]+)\" name=\"__RequestVerificationToken\"")]
    private static partial Regex AntiforgeryField();
}
