using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoraPromptGenie.Library;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Library;

/// <summary>The library API; the same tests run on SQLite and on PostgreSQL (the two classes at the end).</summary>
public abstract class LibraryEndpointsTests<TFactory>(TFactory factory)
    where TFactory : LibraryAppFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task PostWorkspace_Always_ReturnsIdAndKeyOnce()
    {
        using var response = await _client.PostAsync(new Uri("/api/workspaces", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<CreatedWorkspace>();
        Assert.NotEqual(Guid.Empty, created.WorkspaceId);
        Assert.Equal(43, created.Key.Length);
        await using var db = factory.Database.CreateContext();
        var stored = await db.Workspaces.SingleAsync(w => w.Id == created.WorkspaceId);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(created.Key)), stored.KeyHash);
    }

    [Fact]
    public async Task PostPrompt_WithKey_Returns201WithETagAndVersionOne()
    {
        var workspace = await _client.CreateWorkspaceAsync();

        using var response = await _client.SendAsync(HttpMethod.Post, "/api/prompts", workspace.Key,
            new { title = "Harbor at dawn", text = "A slow dolly over a misty harbor at dawn.", model = "sora-2", size = "1280x720", seconds = 8 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var prompt = await response.ReadAsync<PromptResponse>();
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal($"/api/prompts/{prompt.Id}", response.Headers.Location?.ToString());
        Assert.Equal(1, prompt.Version);
        Assert.Equal("8", prompt.Seconds);
        Assert.False(prompt.Shared);
    }

    [Fact]
    public async Task PostPrompt_MissingTitle_Returns400ValidationFailed()
    {
        var workspace = await _client.CreateWorkspaceAsync();

        using var response = await _client.SendAsync(HttpMethod.Post, "/api/prompts", workspace.Key, new { text = "no title" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", await response.ErrorCodeAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-real-key")]
    public async Task Prompts_WithoutValidKey_Return401Unauthorized(string? key)
    {
        using var response = await _client.SendAsync(HttpMethod.Get, "/api/prompts", key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", await response.ErrorCodeAsync());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    /// <summary>The workspace is authenticated before the endpoint reads the request: without a key the answer is 401, whatever was sent.</summary>
    [Fact]
    public async Task PostPrompt_MalformedBodyWithoutKey_Returns401BeforeReadingTheBody()
    {
        using var response = await _client.PostJsonAsync("/api/prompts", "{\"title\": ");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", await response.ErrorCodeAsync());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task GetPrompt_Existing_ReturnsItWithETag()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var created = await _client.CreatePromptAsync(workspace.Key, "Title", "Some prompt text");

        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{created.Id}", workspace.Key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal(created, await response.ReadAsync<PromptResponse>());
    }

    [Fact]
    public async Task EveryPromptRoute_OtherWorkspacesPrompt_Returns404NotFound()
    {
        var owner = await _client.CreateWorkspaceAsync();
        var intruder = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(owner.Key, "Mine", "Private prompt text");
        var routes = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, $"/api/prompts/{prompt.Id}", null),
            (HttpMethod.Put, $"/api/prompts/{prompt.Id}", new { title = "Stolen", text = "Overwritten" }),
            (HttpMethod.Delete, $"/api/prompts/{prompt.Id}", null),
            (HttpMethod.Get, $"/api/prompts/{prompt.Id}/versions", null),
            (HttpMethod.Post, $"/api/prompts/{prompt.Id}/versions/1/restore", null),
            (HttpMethod.Post, $"/api/prompts/{prompt.Id}/share", null),
            (HttpMethod.Delete, $"/api/prompts/{prompt.Id}/share", null),
        };

        foreach (var (method, url, body) in routes)
        {
            using var response = await _client.SendAsync(method, url, intruder.Key, body, ifMatch: "\"1\"");

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("not_found", await response.ErrorCodeAsync());
        }

        using var list = await _client.SendAsync(HttpMethod.Get, "/api/prompts", intruder.Key);
        Assert.Equal(0, (await list.ReadAsync<PromptPage>()).Total);
        using var still = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}", owner.Key);
        Assert.Equal(prompt, await still.ReadAsync<PromptResponse>());
    }

    [Fact]
    public async Task PromptIds_CreatedInARow_AreNotSequential()
    {
        var workspace = await _client.CreateWorkspaceAsync();

        var first = await _client.CreatePromptAsync(workspace.Key, "One", "First prompt");
        var second = await _client.CreatePromptAsync(workspace.Key, "Two", "Second prompt");

        Assert.Equal(7, first.Id.Version);
        Assert.NotEqual(first.Id.ToString()[24..], second.Id.ToString()[24..]);
    }

    [Fact]
    public async Task ListPrompts_Paged_ReturnsNewestFirstWithTotal()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        for (var i = 1; i <= 5; i++)
        {
            await _client.CreatePromptAsync(workspace.Key, $"Prompt {i}", $"Text number {i}");
        }

        using var page1 = await _client.SendAsync(HttpMethod.Get, "/api/prompts?page=1&pageSize=2", workspace.Key);
        using var page3 = await _client.SendAsync(HttpMethod.Get, "/api/prompts?page=3&pageSize=2", workspace.Key);

        var first = await page1.ReadAsync<PromptPage>();
        var last = await page3.ReadAsync<PromptPage>();
        Assert.Equal(5, first.Total);
        Assert.Equal(["Prompt 5", "Prompt 4"], first.Items.Select(p => p.Title));
        Assert.Equal(["Prompt 1"], last.Items.Select(p => p.Title));
    }

    [Fact]
    public async Task ListPrompts_Search_MatchesTitleOrTextCaseInsensitively()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        await _client.CreatePromptAsync(workspace.Key, "Neon alley", "Rain on a city street at night");
        await _client.CreatePromptAsync(workspace.Key, "Desert", "A NEON sign flickers over a motel");
        await _client.CreatePromptAsync(workspace.Key, "Forest", "Sunlight through tall pines");
        await _client.CreatePromptAsync(workspace.Key, "Percent", "100% literal_underscore");

        using var neon = await _client.SendAsync(HttpMethod.Get, "/api/prompts?q=neon", workspace.Key);
        using var percent = await _client.SendAsync(HttpMethod.Get, "/api/prompts?q=0%25%20l", workspace.Key);
        using var underscore = await _client.SendAsync(HttpMethod.Get, "/api/prompts?q=n_o", workspace.Key);

        Assert.Equal(["Desert", "Neon alley"], (await neon.ReadAsync<PromptPage>()).Items.Select(p => p.Title));
        Assert.Equal(["Percent"], (await percent.ReadAsync<PromptPage>()).Items.Select(p => p.Title));
        Assert.Empty((await underscore.ReadAsync<PromptPage>()).Items);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=101")]
    public async Task ListPrompts_BadPaging_Returns400(string query)
    {
        var workspace = await _client.CreateWorkspaceAsync();

        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/prompts?{query}", workspace.Key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task PutPrompt_WithCurrentETag_SavesNewVersion()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Title", "First text");

        using var response = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key,
            new { title = "Title", text = "Second text", model = "sora-2-pro" }, ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.ToString());
        var updated = await response.ReadAsync<PromptResponse>();
        Assert.Equal(("Second text", 2, "sora-2-pro"), (updated.Text, updated.Version, updated.Model));
    }

    [Fact]
    public async Task PutPrompt_SameContent_KeepsVersion()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Title", "Same text");

        using var response = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key,
            new { title = "Title", text = "Same text", model = "sora-2", size = "1280x720", seconds = "8" }, ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.ReadAsync<PromptResponse>()).Version);
    }

    [Fact]
    public async Task PutPrompt_WithoutIfMatch_Returns428PreconditionRequired()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Title", "Text");

        using var response = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key, new { title = "T", text = "New" });

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal("precondition_required", await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task PutPrompt_StaleETag_Returns412AndLosesNothing()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Title", "Original");
        using var first = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key, new { title = "Title", text = "Edit A" }, "\"1\"");

        using var stale = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key, new { title = "Title", text = "Edit B" }, "\"1\"");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("precondition_failed", await stale.ErrorCodeAsync());
        Assert.Equal("\"2\"", stale.Headers.ETag?.ToString());
        using var versions = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}/versions", workspace.Key);
        Assert.Equal(["Edit A", "Original"], (await versions.ReadAsync<VersionList>()).Items.Select(v => v.Text));
    }

    [Fact]
    public async Task PutPrompt_ConcurrentWritersWithSameETag_ExactlyOneWinsAndVersionsStayContiguous()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Title", "Original");
        using var start = new SemaphoreSlim(0);

        var writers = Enumerable.Range(1, 6).Select(async i =>
        {
            await start.WaitAsync();
            using var response = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key, new { title = "Title", text = $"Writer {i}" }, "\"1\"");
            return response.StatusCode;
        }).ToList();
        start.Release(writers.Count);
        var statuses = await Task.WhenAll(writers);

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(writers.Count - 1, statuses.Count(s => s == HttpStatusCode.PreconditionFailed));
        using var versions = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}/versions", workspace.Key);
        var list = await versions.ReadAsync<VersionList>();
        Assert.Equal([2, 1], list.Items.Select(v => v.Number));
        Assert.Equal(2, list.CurrentVersion);
    }

    [Fact]
    public async Task SaveTextVersion_ConcurrentAiSaves_AllLandWithContiguousNumbers()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Title", "Original");

        var saves = Enumerable.Range(1, 4).Select(async i =>
        {
            using var scope = factory.Services.CreateScope();
            var library = scope.ServiceProvider.GetRequiredService<LibraryService>();
            return await library.SaveTextVersionAsync(workspace.WorkspaceId, prompt.Id, $"AI text {i}", new VersionSource(VersionOperations.Structure), null, CancellationToken.None);
        });
        var results = await Task.WhenAll(saves);

        Assert.All(results, r => Assert.Equal(SaveOutcome.Saved, r.Outcome));
        using var versions = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}/versions", workspace.Key);
        Assert.Equal([5, 4, 3, 2, 1], (await versions.ReadAsync<VersionList>()).Items.Select(v => v.Number));
    }

    [Fact]
    public async Task DeletePrompt_Existing_Returns204ThenGone()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Title", "Text");

        using var deleted = await _client.SendAsync(HttpMethod.Delete, $"/api/prompts/{prompt.Id}", workspace.Key);
        using var after = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}", workspace.Key);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        await using var db = factory.Database.CreateContext();
        Assert.False(await db.PromptVersions.AnyAsync(v => v.PromptId == prompt.Id));
    }

    [Fact]
    public async Task DeletePrompt_StaleIfMatch_Returns412AndKeepsPrompt()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Title", "Text");

        using var deleted = await _client.SendAsync(HttpMethod.Delete, $"/api/prompts/{prompt.Id}", workspace.Key, ifMatch: "\"7\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, deleted.StatusCode);
        using var after = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}", workspace.Key);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task RestoreVersion_OldVersion_BecomesNewCurrentVersion()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Title", "Version one");
        using var edit = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key, new { title = "Renamed", text = "Version two" }, "\"1\"");

        using var restored = await _client.SendAsync(HttpMethod.Post, $"/api/prompts/{prompt.Id}/versions/1/restore", workspace.Key);

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var current = await restored.ReadAsync<PromptResponse>();
        Assert.Equal(("Title", "Version one", 3), (current.Title, current.Text, current.Version));
        using var versions = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}/versions", workspace.Key);
        var newest = (await versions.ReadAsync<VersionList>()).Items[0];
        Assert.Equal(("restore", 1), (newest.Operation, newest.RestoredFrom));
    }

    [Fact]
    public async Task RestoreVersion_UnknownNumber_Returns404()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Title", "Text");

        using var response = await _client.SendAsync(HttpMethod.Post, $"/api/prompts/{prompt.Id}/versions/9/restore", workspace.Key);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Share_PinTrue_KeepsShowingThatVersionAfterAnEdit()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Pinned title", "First text");

        using var shared = await _client.SendAsync(HttpMethod.Post, $"/api/prompts/{prompt.Id}/share?pin=true", workspace.Key);
        var link = await shared.ReadAsync<ShareResponse>();
        using var edited = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key, new { title = "Renamed", text = "Second text" }, "\"1\"");
        using var read = await _client.GetAsync(new Uri(link.Url, UriKind.Relative));
        var json = JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(1, link.PinnedVersion);
        Assert.Equal(("Pinned title", "First text", 1, 1), (json.GetProperty("title").GetString(), json.GetProperty("text").GetString(), json.GetProperty("version").GetInt32(), json.GetProperty("pinnedVersion").GetInt32()));
    }

    [Fact]
    public async Task Share_WithoutPin_FollowsLaterSavesAndCarriesNoPinnedVersion()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Live title", "First text");

        using var shared = await _client.SendAsync(HttpMethod.Post, $"/api/prompts/{prompt.Id}/share", workspace.Key);
        var body = JsonDocument.Parse(await shared.Content.ReadAsStringAsync()).RootElement;
        using var edited = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key, new { title = "Live title", text = "Second text" }, "\"1\"");
        using var read = await _client.GetAsync(new Uri(body.GetProperty("url").GetString()!, UriKind.Relative));
        var json = JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.False(body.TryGetProperty("pinnedVersion", out _));
        Assert.Equal(("Second text", 2), (json.GetProperty("text").GetString(), json.GetProperty("version").GetInt32()));
        Assert.False(json.TryGetProperty("pinnedVersion", out _));
    }

    [Fact]
    public async Task Share_ThenRevoke_LinkWorksThenAnswers404()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Shared title", "Shared text");

        using var shared = await _client.SendAsync(HttpMethod.Post, $"/api/prompts/{prompt.Id}/share", workspace.Key);
        var link = await shared.ReadAsync<ShareResponse>();
        using var read = await _client.GetAsync(new Uri(link.Url, UriKind.Relative));
        using var flagged = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}", workspace.Key);
        using var revoked = await _client.SendAsync(HttpMethod.Delete, $"/api/prompts/{prompt.Id}/share", workspace.Key);
        using var after = await _client.GetAsync(new Uri(link.Url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        Assert.Equal(32, link.Token.Length);
        Assert.Equal(("Shared title", "Shared text"), await read.ReadAsync<SharedPromptResponse>() is var s ? (s.Title, s.Text) : default);
        Assert.True((await flagged.ReadAsync<PromptResponse>()).Shared);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal("not_found", await after.ErrorCodeAsync());
    }

    [Fact]
    public async Task Share_Again_ReplacesThePreviousLink()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Title", "Text");

        using var first = await _client.SendAsync(HttpMethod.Post, $"/api/prompts/{prompt.Id}/share", workspace.Key);
        using var second = await _client.SendAsync(HttpMethod.Post, $"/api/prompts/{prompt.Id}/share", workspace.Key);
        using var old = await _client.GetAsync(new Uri((await first.ReadAsync<ShareResponse>()).Url, UriKind.Relative));
        using var current = await _client.GetAsync(new Uri((await second.ReadAsync<ShareResponse>()).Url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Fact]
    public async Task AutoGenerate_WithPromptIdAndKey_SavesResultAsVersion()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Title", "Original");

        using var response = await _client.SendAsync(HttpMethod.Post, "/api/auto-generate-prompt", workspace.Key,
            new { basicPrompt = "a cat on a skateboard", promptId = prompt.Id });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, body.RootElement.GetProperty("savedVersion").GetInt32());
        using var versions = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}/versions", workspace.Key);
        var newest = (await versions.ReadAsync<VersionList>()).Items[0];
        Assert.Equal(("auto-generate", body.RootElement.GetProperty("generatedPrompt").GetString()), (newest.Operation, newest.Text));
        Assert.Equal(body.RootElement.GetProperty("engine").GetString(), newest.Engine);
    }

    [Fact]
    public async Task Enhance_SeveralWithPromptId_SavesAsPresetWithEnhancementIds()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Title", "A lighthouse on a cliff");
        var catalog = factory.Services.GetRequiredService<SoraPromptGenie.Core.Catalog.PromptCatalog>();
        var picks = catalog.Categories.Take(2).Select(c => c.Enhancements[0]).ToList();

        using var response = await _client.SendAsync(HttpMethod.Post, "/api/enhance-prompt", workspace.Key, new
        {
            currentPrompt = "A lighthouse on a cliff",
            enhancements = picks.Select(e => new { title = e.Title, description = e.Description, category = e.Category }),
            promptId = prompt.Id,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var versions = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}/versions", workspace.Key);
        var newest = (await versions.ReadAsync<VersionList>()).Items[0];
        Assert.Equal("preset", newest.Operation);
        Assert.Equal(picks.Select(e => e.Id), newest.EnhancementIds);
    }

    [Fact]
    public async Task Structure_PromptIdOfAnotherWorkspace_Returns404WithoutCallingTheModel()
    {
        var owner = await _client.CreateWorkspaceAsync();
        var other = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(owner.Key, "Title", "Original");
        var before = factory.Upstream.RequestCount;

        using var response = await _client.SendAsync(HttpMethod.Post, "/api/structure-prompt", other.Key, new { currentPrompt = "Some prompt text", promptId = prompt.Id });
        using var anonymous = await _client.SendAsync(HttpMethod.Post, "/api/structure-prompt", null, new { currentPrompt = "Some prompt text", promptId = prompt.Id });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(before, factory.Upstream.RequestCount);
    }

    [Fact]
    public async Task Structure_PromptIdWithEventStream_Returns400AndSavesNothing()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Title", "Original");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/structure-prompt", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { currentPrompt = "Some prompt text", promptId = prompt.Id }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", workspace.Key);
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", await response.ErrorCodeAsync());
        using var current = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}", workspace.Key);
        Assert.Equal(1, (await current.ReadAsync<PromptResponse>()).Version);
    }

    [Fact]
    public async Task Structure_WithoutPromptId_AnswersAsBeforeWithoutSavedVersion()
    {
        using var response = await _client.SendAsync(HttpMethod.Post, "/api/structure-prompt", null, new { currentPrompt = "A dog runs on a beach" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(body.RootElement.TryGetProperty("savedVersion", out _));
    }
}

public sealed class LibraryEndpointsSqliteTests(SqliteAppFactory factory)
    : LibraryEndpointsTests<SqliteAppFactory>(factory), IClassFixture<SqliteAppFactory>;

public sealed class LibraryEndpointsPostgresTests(PostgresAppFactory factory)
    : LibraryEndpointsTests<PostgresAppFactory>(factory), IClassFixture<PostgresAppFactory>;
