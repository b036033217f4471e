using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Library;
using SoraPromptGenie.Storyboards;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Library;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Storyboards;

/// <summary>Workspaces hold at most 2 storyboards of at most 3 versions each (and 1 prompt, a cap of its own).</summary>
public sealed class SmallStoryboardLibrary : IAppSettings
{
    public const int MaxStoryboards = 2;
    public const int MaxVersions = 3;

    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
    {
        ["Library:MaxStoryboardsPerWorkspace"] = MaxStoryboards.ToString(CultureInfo.InvariantCulture),
        ["Library:MaxVersionsPerPrompt"] = MaxVersions.ToString(CultureInfo.InvariantCulture),
        ["Library:MaxPromptsPerWorkspace"] = "1",
    };
}

/// <summary>The caps on storyboards per workspace and versions per storyboard, and the expiry of empty workspaces, on SQLite and PostgreSQL.</summary>
public abstract class StoryboardLibraryLimitsTests<TFactory>(TFactory factory)
    where TFactory : LibraryAppFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task PostStoryboard_WorkspaceAtTheCap_Returns400UntilOneIsDeletedAndPromptsCountApart()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        await _client.CreatePromptAsync(workspace.Key, "Fox", "A fox at dawn.");
        var first = await _client.CreateStoryboardAsync(workspace.Key);
        await _client.CreateStoryboardAsync(workspace.Key);

        using var refused = await _client.SendAsync(HttpMethod.Post, "/api/storyboards", workspace.Key, new { storyboard = StoryboardLibraryApi.Lighthouse("One more") });
        var message = await refused.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        using var deleted = await _client.SendAsync(HttpMethod.Delete, $"/api/storyboards/{first.Id}", workspace.Key);
        using var accepted = await _client.SendAsync(HttpMethod.Post, "/api/storyboards", workspace.Key, new { storyboard = StoryboardLibraryApi.Lighthouse("One more") });

        Assert.Equal("This library already holds 2 storyboards, the most it can keep; delete one to save another.", message);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        await using var db = factory.Database.CreateContext();
        Assert.Equal(SmallStoryboardLibrary.MaxStoryboards, await db.Storyboards.CountAsync(s => s.WorkspaceId == workspace.WorkspaceId));
    }

    [Fact]
    public async Task PostStoryboard_ManyAtOnce_SavesExactlyTheCap()
    {
        var workspace = await _client.CreateWorkspaceAsync();

        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(async i =>
        {
            using var response = await _client.SendAsync(HttpMethod.Post, "/api/storyboards", workspace.Key, new { storyboard = StoryboardLibraryApi.Lighthouse($"Board {i}") });
            return response.StatusCode;
        }));

        Assert.Equal(SmallStoryboardLibrary.MaxStoryboards, responses.Count(s => s == HttpStatusCode.Created));
        Assert.All(responses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.BadRequest, s.ToString()));
    }

    [Fact]
    public async Task PutAndRestore_StoryboardAtTheVersionCap_Return400AndWriteNothing()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var saved = await _client.CreateStoryboardAsync(workspace.Key);
        var url = $"/api/storyboards/{saved.Id}";
        for (var i = 2; i <= SmallStoryboardLibrary.MaxVersions; i++)
        {
            using var edit = await _client.SendAsync(HttpMethod.Put, url, workspace.Key, new { storyboard = StoryboardLibraryApi.Lighthouse($"Version {i}") }, ifMatch: "*");
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        using var put = await _client.SendAsync(HttpMethod.Put, url, workspace.Key, new { storyboard = StoryboardLibraryApi.Lighthouse("Version 4") }, ifMatch: "\"3\"");
        using var restore = await _client.SendAsync(HttpMethod.Post, url + "/versions/1/restore", workspace.Key);

        const string expected = "This storyboard already has 3 versions, the most one storyboard can keep; save it as a new storyboard to go on.";
        Assert.Equal(expected, await put.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed"));
        Assert.Equal(expected, await restore.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed"));
        using var current = await _client.SendAsync(HttpMethod.Get, url, workspace.Key);
        var now = await current.ReadAsync<StoryboardResponse>();
        Assert.Equal(("Version 3", 3), (now.Title, now.Version));
    }

    [Fact]
    public async Task EmptyWorkspaceExpiry_WorkspaceHoldingOnlyStoryboards_IsKept()
    {
        var withStoryboard = await _client.CreateWorkspaceAsync();
        var empty = await _client.CreateWorkspaceAsync();
        await _client.CreateStoryboardAsync(withStoryboard.Key);
        await using var db = factory.Database.CreateContext();
        var library = new LibraryService(db, TimeProvider.System, Options.Create(new LibraryOptions()), new EphemeralDataProtectionProvider());

        await library.DeleteEmptyWorkspacesAsync(DateTime.UtcNow.AddMinutes(1), CancellationToken.None);

        Assert.True(await db.Workspaces.AnyAsync(w => w.Id == withStoryboard.WorkspaceId));
        Assert.False(await db.Workspaces.AnyAsync(w => w.Id == empty.WorkspaceId));
    }
}

public sealed class StoryboardLibraryLimitsSqliteTests(SqliteAppFactory<SmallStoryboardLibrary> factory)
    : StoryboardLibraryLimitsTests<SqliteAppFactory<SmallStoryboardLibrary>>(factory), IClassFixture<SqliteAppFactory<SmallStoryboardLibrary>>;

public sealed class StoryboardLibraryLimitsPostgresTests(PostgresAppFactory<SmallStoryboardLibrary> factory)
    : StoryboardLibraryLimitsTests<PostgresAppFactory<SmallStoryboardLibrary>>(factory), IClassFixture<PostgresAppFactory<SmallStoryboardLibrary>>;
