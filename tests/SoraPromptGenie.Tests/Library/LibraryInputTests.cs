using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Library;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Library;

/// <summary>
/// Input the two providers treat differently (a NUL character, offsets past int.MaxValue) gets the same answer on both,
/// and the version history pages like the prompt list. The same tests run on SQLite and PostgreSQL.
/// </summary>
public abstract class LibraryInputTests<TFactory>(TFactory factory)
    where TFactory : LibraryAppFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("title")]
    [InlineData("text")]
    [InlineData("model")]
    [InlineData("size")]
    [InlineData("seconds")]
    public async Task PostAndPutPrompt_NulInAField_Return400ValidationFailedNamingIt(string field)
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Harbor", "A misty harbor at dawn.");
        var body = new Dictionary<string, string>
        {
            ["title"] = "Harbor",
            ["text"] = "A misty harbor at dawn.",
            ["model"] = "sora-2",
            ["size"] = "1280x720",
            ["seconds"] = "8",
        };
        body[field] = body[field][..1] + "\0" + body[field][1..];

        using var created = await _client.SendAsync(HttpMethod.Post, "/api/prompts", workspace.Key, body);
        using var updated = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key, body, ifMatch: "*");

        foreach (var response in new[] { created, updated })
        {
            var message = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.Contains(field, message, StringComparison.Ordinal);
            Assert.Contains("NUL", message, StringComparison.Ordinal);
        }

        using var list = await _client.SendAsync(HttpMethod.Get, "/api/prompts", workspace.Key);
        Assert.Equal(1, (await list.ReadAsync<PromptPage>()).Total);
    }

    [Theory]
    [InlineData("title", "\u001b[31m", "ESC")]
    [InlineData("text", "\u0003", "Ctrl+C")]
    [InlineData("text", "\u0007", "BEL")]
    [InlineData("text", "\r", "carriage return")]
    [InlineData("text", "\u202e", "right-to-left override")]
    [InlineData("model", "\u001b", "ESC")]
    public async Task PostAndPutPrompt_ControlCharacterInAField_Return400NamingFieldAndCharacter(string field, string inserted, string name)
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Harbor", "A misty harbor at dawn.");
        var body = new Dictionary<string, string>
        {
            ["title"] = "Harbor",
            ["text"] = "A misty harbor at dawn.",
            ["model"] = "sora-2",
        };
        body[field] = body[field][..1] + inserted + body[field][1..];

        using var created = await _client.SendAsync(HttpMethod.Post, "/api/prompts", workspace.Key, body);
        using var updated = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key, body, ifMatch: "*");

        foreach (var response in new[] { created, updated })
        {
            var message = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.Contains(field, message, StringComparison.Ordinal);
            Assert.Contains(name, message, StringComparison.Ordinal);
        }

        using var stored = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}", workspace.Key);
        Assert.Equal("A misty harbor at dawn.", (await stored.ReadAsync<PromptResponse>()).Text);
    }

    [Fact]
    public async Task PostPrompt_TextWithTabsAndCrlfLineBreaks_IsSaved()
    {
        var workspace = await _client.CreateWorkspaceAsync();

        var prompt = await _client.CreatePromptAsync(workspace.Key, "Harbor", "A misty harbor.\r\n\tBoats rock.");

        Assert.Equal("A misty harbor.\r\n\tBoats rock.", prompt.Text);
    }

    [Theory]
    [InlineData("/api/prompts?q=fox%00")]
    [InlineData("/api/prompts/{id}/versions?q=%00")]
    public async Task List_NulInSearch_Returns400ValidationFailed(string url)
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Harbor", "A misty harbor at dawn.");

        using var response = await _client.SendAsync(HttpMethod.Get, url.Replace("{id}", prompt.Id.ToString(), StringComparison.Ordinal), workspace.Key);

        Assert.Contains("NUL", await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/prompts?page=2147483647&pageSize=100")]
    [InlineData("/api/prompts?page=2147483647&pageSize=1&q=harbor")]
    [InlineData("/api/prompts/{id}/versions?page=2147483647&pageSize=100")]
    [InlineData("/api/prompts/{id}/versions?page=21474837&pageSize=100")]
    public async Task List_PageFarPastTheEnd_AnswersAnEmptyPageWithTheTotal(string url)
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Harbor", "A misty harbor at dawn.");

        using var response = await _client.SendAsync(HttpMethod.Get, url.Replace("{id}", prompt.Id.ToString(), StringComparison.Ordinal), workspace.Key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadAsync<PromptPage>();
        Assert.Empty(page.Items);
        Assert.Equal(1, page.Total);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("page=-3")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=101")]
    [InlineData("page=2147483648")]
    [InlineData("page=two")]
    public async Task ListVersions_BadPaging_Returns400ValidationFailed(string query)
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Harbor", "A misty harbor at dawn.");

        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}/versions?{query}", workspace.Key);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task ListVersions_ManyVersions_PagedNewestFirstInTheListsEnvelope()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Harbor", "Version 1");
        await AddVersionsAsync(workspace.WorkspaceId, prompt.Id, 2, 25);

        using var first = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}/versions", workspace.Key);
        using var third = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}/versions?page=3&pageSize=10", workspace.Key);

        var byDefault = await first.ReadAsync<VersionList>();
        Assert.Equal((prompt.Id, 25, 1, LibraryEndpoints.DefaultPageSize, 25), (byDefault.PromptId, byDefault.CurrentVersion, byDefault.Page, byDefault.PageSize, byDefault.Total));
        Assert.Equal(Enumerable.Range(6, 20).Reverse(), byDefault.Items.Select(v => v.Number));
        var last = await third.ReadAsync<VersionList>();
        Assert.Equal((3, 10, 25), (last.Page, last.PageSize, last.Total));
        Assert.Equal([5, 4, 3, 2, 1], last.Items.Select(v => v.Number));
    }

    [Fact]
    public async Task ListVersions_Search_MatchesVersionTitleOrTextAndCountsMatches()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Harbor", "A misty harbor at dawn.");
        await AddVersionsAsync(workspace.WorkspaceId, prompt.Id, 2, 4);
        using var edit = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key, new { title = "Harbor", text = "A LIGHTHOUSE beam sweeps the fog." }, ifMatch: "*");

        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}/versions?q=lighthouse", workspace.Key);

        var found = await response.ReadAsync<VersionList>();
        Assert.Equal((1, 5), (found.Total, found.CurrentVersion));
        Assert.Equal([5], found.Items.Select(v => v.Number));
    }

    [Fact]
    public async Task SaveTextVersion_AiResultWithControlCharacters_IsSavedWithoutThem()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Harbor", "A misty harbor at dawn.");
        await using var db = factory.Database.CreateContext();

        var result = await new LibraryService(db, TimeProvider.System, Options.Create(new LibraryOptions()), new EphemeralDataProtectionProvider()).SaveTextVersionAsync(
            workspace.WorkspaceId, prompt.Id, "A misty\0 harbor\u001b[2J at dusk.\u202e", new VersionSource(VersionOperations.Structure), null, CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        Assert.Equal("A misty harbor at dusk.", result.Prompt!.Text);
    }

    /// <summary>Versions <paramref name="from"/> to <paramref name="to"/> through the service (no request budget spent).</summary>
    private async Task AddVersionsAsync(Guid workspaceId, Guid promptId, int from, int to)
    {
        await using var db = factory.Database.CreateContext();
        var library = new LibraryService(db, TimeProvider.System, Options.Create(new LibraryOptions()), new EphemeralDataProtectionProvider());
        for (var number = from; number <= to; number++)
        {
            var saved = await library.SaveTextVersionAsync(
                workspaceId, promptId, $"Version {number}", new VersionSource(VersionOperations.Structure), null, CancellationToken.None);
            Assert.Equal(number, saved.Prompt!.Version);
        }
    }
}

public sealed class LibraryInputSqliteTests(SqliteAppFactory factory)
    : LibraryInputTests<SqliteAppFactory>(factory), IClassFixture<SqliteAppFactory>;

public sealed class LibraryInputPostgresTests(PostgresAppFactory factory)
    : LibraryInputTests<PostgresAppFactory>(factory), IClassFixture<PostgresAppFactory>;
