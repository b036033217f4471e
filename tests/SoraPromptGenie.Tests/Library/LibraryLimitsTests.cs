using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SoraPromptGenie.Library;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Library;

/// <summary>Workspaces hold at most 3 prompts of at most 3 versions each.</summary>
public sealed class SmallLibrary : IAppSettings
{
    public const int MaxPrompts = 3;
    public const int MaxVersions = 3;

    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
    {
        ["Library:MaxPromptsPerWorkspace"] = MaxPrompts.ToString(CultureInfo.InvariantCulture),
        ["Library:MaxVersionsPerPrompt"] = MaxVersions.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>The caps on prompts per workspace and versions per prompt, through the API, on SQLite and PostgreSQL.</summary>
public abstract class LibraryLimitsTests<TFactory>(TFactory factory)
    where TFactory : LibraryAppFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task PostPrompt_WorkspaceAtTheCap_Returns400WithTheCapUntilOneIsDeleted()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var first = await _client.CreatePromptAsync(workspace.Key, "Shot 1", "A fox at dawn.");
        for (var i = 2; i <= SmallLibrary.MaxPrompts; i++)
        {
            await _client.CreatePromptAsync(workspace.Key, $"Shot {i}", "A fox at dawn.");
        }

        using var refused = await _client.SendAsync(HttpMethod.Post, "/api/prompts", workspace.Key, new { title = "One more", text = "A fox at dusk." });
        var message = await refused.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        using var deleted = await _client.SendAsync(HttpMethod.Delete, $"/api/prompts/{first.Id}", workspace.Key);
        using var accepted = await _client.SendAsync(HttpMethod.Post, "/api/prompts", workspace.Key, new { title = "One more", text = "A fox at dusk." });

        Assert.Equal("This library already holds 3 prompts, the most it can keep; delete one to save another.", message);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        await using var db = factory.Database.CreateContext();
        Assert.Equal(SmallLibrary.MaxPrompts, await db.Prompts.CountAsync(p => p.WorkspaceId == workspace.WorkspaceId));
    }

    [Fact]
    public async Task PostPrompt_ManyAtOnce_SavesExactlyTheCap()
    {
        var workspace = await _client.CreateWorkspaceAsync();

        var responses = await Task.WhenAll(Enumerable.Range(1, 12).Select(async i =>
        {
            using var response = await _client.SendAsync(HttpMethod.Post, "/api/prompts", workspace.Key, new { title = $"Shot {i}", text = "A fox at dawn." });
            return response.StatusCode;
        }));

        Assert.Equal(SmallLibrary.MaxPrompts, responses.Count(s => s == HttpStatusCode.Created));
        Assert.All(responses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.BadRequest, s.ToString()));
        await using var db = factory.Database.CreateContext();
        Assert.Equal(SmallLibrary.MaxPrompts, await db.Prompts.CountAsync(p => p.WorkspaceId == workspace.WorkspaceId));
    }

    [Fact]
    public async Task PutAndRestore_PromptAtTheVersionCap_Return400WithTheCapAndWriteNothing()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Fox", "Version 1");
        for (var i = 2; i <= SmallLibrary.MaxVersions; i++)
        {
            using var edit = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key, new { title = "Fox", text = $"Version {i}" }, ifMatch: "*");
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        using var put = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key, new { title = "Fox", text = "Version 4" }, ifMatch: "\"3\"");
        using var restore = await _client.SendAsync(HttpMethod.Post, $"/api/prompts/{prompt.Id}/versions/1/restore", workspace.Key);
        using var same = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key, new { title = "Fox", text = "Version 3" }, ifMatch: "\"3\"");

        const string expected = "This prompt already has 3 versions, the most one prompt can keep; save it as a new prompt to go on.";
        Assert.Equal(expected, await put.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed"));
        Assert.Equal(expected, await restore.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed"));
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        using var current = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}", workspace.Key);
        Assert.Equal(("Version 3", 3), await current.ReadAsync<PromptResponse>() is var p ? (p.Text, p.Version) : default);
    }

    [Fact]
    public async Task Structure_WithPromptIdAtTheVersionCap_Returns400WithoutCallingTheModel()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Fox", "Version 1");
        for (var i = 2; i <= SmallLibrary.MaxVersions; i++)
        {
            using var edit = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key, new { title = "Fox", text = $"Version {i}" }, ifMatch: "*");
        }

        var before = factory.Upstream.RequestCount;
        using var response = await _client.SendAsync(HttpMethod.Post, "/api/structure-prompt", workspace.Key, new { currentPrompt = "A fox runs.", promptId = prompt.Id });

        Assert.Contains("3 versions", await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed"), StringComparison.Ordinal);
        Assert.Equal(before, factory.Upstream.RequestCount);
    }

    [Fact]
    public async Task AutoGenerate_WithPromptIdOneBelowTheCap_SavesTheLastVersion()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Fox", "Version 1");
        using var edit = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key, new { title = "Fox", text = "Version 2" }, ifMatch: "*");

        using var response = await _client.SendAsync(HttpMethod.Post, "/api/auto-generate-prompt", workspace.Key, new { basicPrompt = "a fox in snow", promptId = prompt.Id });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(SmallLibrary.MaxVersions, body.RootElement.GetProperty("savedVersion").GetInt32());
    }
}

public sealed class LibraryLimitsSqliteTests(SqliteAppFactory<SmallLibrary> factory)
    : LibraryLimitsTests<SqliteAppFactory<SmallLibrary>>(factory), IClassFixture<SqliteAppFactory<SmallLibrary>>;

public sealed class LibraryLimitsPostgresTests(PostgresAppFactory<SmallLibrary> factory)
    : LibraryLimitsTests<PostgresAppFactory<SmallLibrary>>(factory), IClassFixture<PostgresAppFactory<SmallLibrary>>;
