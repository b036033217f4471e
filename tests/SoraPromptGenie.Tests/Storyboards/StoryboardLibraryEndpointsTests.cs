using System.Net;
using Microsoft.EntityFrameworkCore;
using SoraPromptGenie.Storyboards;
using SoraPromptGenie.Tests.Library;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Storyboards;

/// <summary>The storyboard library API; the same tests run on SQLite and on PostgreSQL (the two classes at the end).</summary>
public abstract class StoryboardLibraryEndpointsTests<TFactory>(TFactory factory)
    where TFactory : LibraryAppFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task PostStoryboard_WithKey_Returns201WithETagVersionOneAndTheStoryboard()
    {
        var workspace = await _client.CreateWorkspaceAsync();

        using var response = await _client.SendAsync(HttpMethod.Post, "/api/storyboards", workspace.Key, new { storyboard = StoryboardLibraryApi.Lighthouse() });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = await response.ReadAsync<StoryboardResponse>();
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal($"/api/storyboards/{saved.Id}", response.Headers.Location?.ToString());
        Assert.Equal(("Lighthouse", 1, 2, 10, false), (saved.Title, saved.Version, saved.ShotCount, saved.TotalSeconds, saved.Shared));
        Assert.Equal(("low angle", "cut"), (saved.Storyboard.Shots[0].Camera, saved.Storyboard.Shots[0].Transition));
        Assert.Equal(StoryboardLibraryApi.Raincoat, saved.Storyboard.Continuity.Characters.Single().Description);
        using var read = await _client.SendAsync(HttpMethod.Get, $"/api/storyboards/{saved.Id}", workspace.Key);
        Assert.Equal("\"1\"", read.Headers.ETag?.ToString());
        var again = await read.ReadAsync<StoryboardResponse>();
        Assert.Equal(saved.Storyboard.Shots, again.Storyboard.Shots);
        Assert.Equal((saved.Id, saved.Title, saved.Version), (again.Id, again.Title, again.Version));
    }

    [Fact]
    public async Task PostStoryboard_WithoutTitle_IsNamedAfterItsFirstShot()
    {
        var workspace = await _client.CreateWorkspaceAsync();

        var saved = await _client.CreateStoryboardAsync(workspace.Key, StoryboardLibraryApi.Lighthouse(title: null, firstShot: "Waves break over the rocks below the lighthouse at dusk."));

        Assert.Equal("Waves break over the rocks below the lighthouse…", saved.Title);
        Assert.Equal(saved.Title, saved.Storyboard.Title);
    }

    [Theory]
    [InlineData("{\"storyboard\": {\"shots\": [{\"prompt\": \"Only one shot.\", \"seconds\": 4}]}}", "storyboard.shots must hold 2 to 12 shots.")]
    [InlineData("{\"storyboard\": {\"shots\": [{\"prompt\": \"One.\", \"seconds\": 4}, {\"prompt\": \"Two.\", \"seconds\": 0}]}}", "storyboard.shots[1].seconds must be 1 to 60.")]
    [InlineData("{}", "storyboard is required.")]
    [InlineData("{\"storyboard\": {\"target\": \"no-such-model\", \"shots\": [{\"prompt\": \"One.\", \"seconds\": 4}, {\"prompt\": \"Two.\", \"seconds\": 4}]}}", "no-such-model")]
    [InlineData("{\"operation\": \"restore\", \"storyboard\": {\"shots\": [{\"prompt\": \"One.\", \"seconds\": 4}, {\"prompt\": \"Two.\", \"seconds\": 4}]}}", "operation must be one of manual, draft, enhance, structure.")]
    public async Task PostStoryboard_InvalidBody_Returns400ValidationFailedSayingWhy(string json, string expected)
    {
        var workspace = await _client.CreateWorkspaceAsync();

        using var response = await _client.SendJsonAsync(HttpMethod.Post, "/api/storyboards", workspace.Key, json);

        var message = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains(expected, message, StringComparison.Ordinal);
        await using var db = factory.Database.CreateContext();
        Assert.Equal(0, await db.Storyboards.CountAsync(s => s.WorkspaceId == workspace.WorkspaceId));
    }

    [Fact]
    public async Task PostStoryboard_Target_IsCheckedAndKeptWithItsParameters()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var json = """
            {"storyboard": {"title": "Harbor", "target": "SORA-2", "parameters": {"size": "1280x720"},
              "shots": [{"prompt": "A misty harbor at dawn.", "seconds": 4}, {"prompt": "Gulls lift off the pier.", "seconds": 4}]}}
            """;

        using var response = await _client.SendJsonAsync(HttpMethod.Post, "/api/storyboards", workspace.Key, json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = await response.ReadAsync<StoryboardResponse>();
        Assert.Equal(("sora-2", "sora-2"), (saved.Target, saved.Storyboard.Target));
        Assert.Equal("1280x720", saved.Storyboard.Parameters!["size"]);
    }

    [Fact]
    public async Task PutStoryboard_WithoutIfMatch_Returns428AndWithAStaleOne412()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var saved = await _client.CreateStoryboardAsync(workspace.Key);
        var url = $"/api/storyboards/{saved.Id}";
        using var edited = await _client.SendAsync(HttpMethod.Put, url, workspace.Key, new { storyboard = StoryboardLibraryApi.Lighthouse("Second") }, ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("\"2\"", edited.Headers.ETag?.ToString());

        using var missing = await _client.SendAsync(HttpMethod.Put, url, workspace.Key, new { storyboard = StoryboardLibraryApi.Lighthouse("Third") });
        using var stale = await _client.SendAsync(HttpMethod.Put, url, workspace.Key, new { storyboard = StoryboardLibraryApi.Lighthouse("Third") }, ifMatch: "\"1\"");
        using var malformed = await _client.SendAsync(HttpMethod.Put, url, workspace.Key, new { storyboard = StoryboardLibraryApi.Lighthouse("Third") }, ifMatch: "one");
        using var staleDelete = await _client.SendAsync(HttpMethod.Delete, url, workspace.Key, ifMatch: "\"1\"");

        await missing.AssertErrorAsync((HttpStatusCode)428, "precondition_required");
        await stale.AssertErrorAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        Assert.Equal("\"2\"", stale.Headers.ETag?.ToString());
        await malformed.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await staleDelete.AssertErrorAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        using var current = await _client.SendAsync(HttpMethod.Get, url, workspace.Key);
        var kept = await current.ReadAsync<StoryboardResponse>();
        Assert.Equal(("Second", 2), (kept.Title, kept.Version));
    }

    [Fact]
    public async Task PutStoryboard_Unchanged_KeepsTheVersionAndWithoutTitleKeepsTheSavedOne()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var saved = await _client.CreateStoryboardAsync(workspace.Key);
        var url = $"/api/storyboards/{saved.Id}";

        using var same = await _client.SendAsync(HttpMethod.Put, url, workspace.Key, new { storyboard = StoryboardLibraryApi.Lighthouse() }, ifMatch: "\"1\"");
        using var untitled = await _client.SendAsync(HttpMethod.Put, url, workspace.Key, new { storyboard = StoryboardLibraryApi.Lighthouse(title: null) }, ifMatch: "\"1\"");
        using var anyVersion = await _client.SendAsync(
            HttpMethod.Put, url, workspace.Key, new { storyboard = StoryboardLibraryApi.Lighthouse(title: null, firstShot: "Mara runs down the stairs."), operation = "enhance", engine = "offline" }, ifMatch: "*");

        Assert.Equal(1, (await same.ReadAsync<StoryboardResponse>()).Version);
        var withoutTitle = await untitled.ReadAsync<StoryboardResponse>();
        Assert.Equal(("Lighthouse", 1), (withoutTitle.Title, withoutTitle.Version));
        var enhanced = await anyVersion.ReadAsync<StoryboardResponse>();
        Assert.Equal(("Lighthouse", 2, "Mara runs down the stairs."), (enhanced.Title, enhanced.Version, enhanced.Storyboard.Shots[0].Prompt));
        using var versions = await _client.SendAsync(HttpMethod.Get, url + "/versions", workspace.Key);
        var list = await versions.ReadAsync<StoryboardVersionList>();
        Assert.Equal([(2, "enhance", "offline"), (1, "manual", (string?)null)], list.Items.Select(v => (v.Number, v.Operation, v.Engine)));
    }

    [Fact]
    public async Task Versions_RestoreAnOldOne_SavesItAsANewVersionNewestFirstAndPaged()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var saved = await _client.CreateStoryboardAsync(workspace.Key);
        var url = $"/api/storyboards/{saved.Id}";
        using (var second = await _client.SendAsync(HttpMethod.Put, url, workspace.Key, new { storyboard = StoryboardLibraryApi.Lighthouse("Storm", "Mara faces the storm.") }, ifMatch: "\"1\""))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        using var restored = await _client.SendAsync(HttpMethod.Post, url + "/versions/1/restore", workspace.Key, ifMatch: "\"2\"");
        using var staleRestore = await _client.SendAsync(HttpMethod.Post, url + "/versions/1/restore", workspace.Key, ifMatch: "\"2\"");
        using var unknown = await _client.SendAsync(HttpMethod.Post, url + "/versions/9/restore", workspace.Key);
        using var page = await _client.SendAsync(HttpMethod.Get, url + "/versions?page=1&pageSize=2", workspace.Key);
        using var lastPage = await _client.SendAsync(HttpMethod.Get, url + "/versions?page=2&pageSize=2", workspace.Key);
        using var badPage = await _client.SendAsync(HttpMethod.Get, url + "/versions?pageSize=0", workspace.Key);

        var now = await restored.ReadAsync<StoryboardResponse>();
        Assert.Equal("\"3\"", restored.Headers.ETag?.ToString());
        Assert.Equal((3, "Lighthouse"), (now.Version, now.Title));
        Assert.Equal(saved.Storyboard.Shots, now.Storyboard.Shots);
        await staleRestore.AssertErrorAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        await unknown.AssertErrorAsync(HttpStatusCode.NotFound, "not_found");
        var first = await page.ReadAsync<StoryboardVersionList>();
        Assert.Equal((saved.Id, 3, 3, 2), (first.StoryboardId, first.CurrentVersion, first.Total, first.PageSize));
        Assert.Equal([(3, "restore", (int?)1), (2, "manual", (int?)null)], first.Items.Select(v => (v.Number, v.Operation, v.RestoredFrom)));
        Assert.Equal("Mara faces the storm.", first.Items[1].Storyboard.Shots[0].Prompt);
        Assert.Equal(1, Assert.Single((await lastPage.ReadAsync<StoryboardVersionList>()).Items).Number);
        await badPage.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task ListStoryboards_Paged_ReturnsNewestFirstWithSummariesAndSearch()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var first = await _client.CreateStoryboardAsync(workspace.Key, StoryboardLibraryApi.Lighthouse("Harbor at dawn"));
        var second = await _client.CreateStoryboardAsync(workspace.Key, StoryboardLibraryApi.Lighthouse("Lighthouse storm"));

        using var all = await _client.SendAsync(HttpMethod.Get, "/api/storyboards?pageSize=1", workspace.Key);
        using var found = await _client.SendAsync(HttpMethod.Get, "/api/storyboards?q=HARBOR", workspace.Key);

        var page = await all.ReadAsync<StoryboardListPage>();
        Assert.Equal((2, 1, 1), (page.Total, page.Page, page.PageSize));
        Assert.Equal(new StoryboardSummary(second.Id, "Lighthouse storm", 2, 10, null, 1, second.UpdatedAt), Assert.Single(page.Items));
        Assert.Equal(first.Id, Assert.Single((await found.ReadAsync<StoryboardListPage>()).Items).Id);
    }

    [Fact]
    public async Task EveryStoryboardRoute_OtherWorkspacesStoryboard_Returns404NotFound()
    {
        var owner = await _client.CreateWorkspaceAsync();
        var intruder = await _client.CreateWorkspaceAsync();
        var saved = await _client.CreateStoryboardAsync(owner.Key);
        var routes = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, $"/api/storyboards/{saved.Id}", null),
            (HttpMethod.Put, $"/api/storyboards/{saved.Id}", new { storyboard = StoryboardLibraryApi.Lighthouse("Stolen") }),
            (HttpMethod.Delete, $"/api/storyboards/{saved.Id}", null),
            (HttpMethod.Get, $"/api/storyboards/{saved.Id}/versions", null),
            (HttpMethod.Post, $"/api/storyboards/{saved.Id}/versions/1/restore", null),
            (HttpMethod.Post, $"/api/storyboards/{saved.Id}/share", null),
            (HttpMethod.Get, $"/api/storyboards/{saved.Id}/share", null),
            (HttpMethod.Delete, $"/api/storyboards/{saved.Id}/share", null),
        };

        foreach (var (method, url, body) in routes)
        {
            using var response = await _client.SendAsync(method, url, intruder.Key, body, ifMatch: "\"1\"");

            await response.AssertErrorAsync(HttpStatusCode.NotFound, "not_found");
        }

        using var list = await _client.SendAsync(HttpMethod.Get, "/api/storyboards", intruder.Key);
        Assert.Equal(0, (await list.ReadAsync<StoryboardListPage>()).Total);
        using var still = await _client.SendAsync(HttpMethod.Get, $"/api/storyboards/{saved.Id}", owner.Key);
        var untouched = await still.ReadAsync<StoryboardResponse>();
        Assert.Equal(("Lighthouse", 1, false), (untouched.Title, untouched.Version, untouched.Shared));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-real-key")]
    public async Task Storyboards_WithoutValidKey_Return401Unauthorized(string? key)
    {
        using var response = await _client.SendAsync(HttpMethod.Get, "/api/storyboards", key);

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Share_FollowingLink_ShowsLaterSavesAndCanBeCopiedAgainUntilRevoked()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var saved = await _client.CreateStoryboardAsync(workspace.Key);
        var url = $"/api/storyboards/{saved.Id}";

        using var shared = await _client.SendAsync(HttpMethod.Post, url + "/share", workspace.Key);
        var link = await shared.ReadAsync<StoryboardShareResponse>();
        using (var edit = await _client.SendAsync(HttpMethod.Put, url, workspace.Key, new { storyboard = StoryboardLibraryApi.Lighthouse("Storm", "Mara faces the storm.") }, ifMatch: "\"1\""))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        using var copied = await _client.SendAsync(HttpMethod.Get, url + "/share", workspace.Key);
        using var anonymous = await _client.GetAsync(new Uri(link.Url, UriKind.Relative));
        var view = await anonymous.ReadAsync<SharedStoryboardResponse>();
        using var owned = await _client.SendAsync(HttpMethod.Get, url, workspace.Key);
        using var revoked = await _client.SendAsync(HttpMethod.Delete, url + "/share", workspace.Key);
        using var gone = await _client.GetAsync(new Uri(link.Url, UriKind.Relative));
        using var noLink = await _client.SendAsync(HttpMethod.Get, url + "/share", workspace.Key);

        Assert.Equal(($"/api/shared/storyboards/{link.Token}", $"/s/{link.Token}", (int?)null), (link.Url, link.PageUrl, link.PinnedVersion));
        Assert.Equal(link, await copied.ReadAsync<StoryboardShareResponse>());
        Assert.Equal(("Storm", 2, "Mara faces the storm.", (int?)null), (view.Title, view.Version, view.Storyboard.Shots[0].Prompt, view.PinnedVersion));
        Assert.True((await owned.ReadAsync<StoryboardResponse>()).Shared);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await gone.AssertErrorAsync(HttpStatusCode.NotFound, "not_found");
        await noLink.AssertErrorAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Share_Snapshot_KeepsShowingThatVersionAndANewLinkReplacesTheOld()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var saved = await _client.CreateStoryboardAsync(workspace.Key);
        var url = $"/api/storyboards/{saved.Id}";
        using var pinned = await _client.SendAsync(HttpMethod.Post, url + "/share?pin=true", workspace.Key);
        var link = await pinned.ReadAsync<StoryboardShareResponse>();
        using (var edit = await _client.SendAsync(HttpMethod.Put, url, workspace.Key, new { storyboard = StoryboardLibraryApi.Lighthouse("Storm", "Mara faces the storm.") }, ifMatch: "\"1\""))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        using var snapshot = await _client.GetAsync(new Uri(link.Url, UriKind.Relative));
        var view = await snapshot.ReadAsync<SharedStoryboardResponse>();
        using var replaced = await _client.SendAsync(HttpMethod.Post, url + "/share", workspace.Key);
        var newLink = await replaced.ReadAsync<StoryboardShareResponse>();
        using var old = await _client.GetAsync(new Uri(link.Url, UriKind.Relative));
        using var live = await _client.GetAsync(new Uri(newLink.Url, UriKind.Relative));

        Assert.Equal(1, link.PinnedVersion);
        Assert.Equal(("Lighthouse", 1, (int?)1), (view.Title, view.Version, view.PinnedVersion));
        Assert.Equal(saved.Storyboard.Shots, view.Storyboard.Shots);
        Assert.NotEqual(link.Token, newLink.Token);
        await old.AssertErrorAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(2, (await live.ReadAsync<SharedStoryboardResponse>()).Version);
    }

    [Fact]
    public async Task SharedPage_ShowsTitleContinuityAndNumberedShotsEncoded()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var saved = await _client.CreateStoryboardAsync(workspace.Key, StoryboardLibraryApi.Lighthouse("<b>Lighthouse</b>", "Mara <script>alert(1)</script> climbs."));
        using var shared = await _client.SendAsync(HttpMethod.Post, $"/api/storyboards/{saved.Id}/share", workspace.Key);
        var link = await shared.ReadAsync<StoryboardShareResponse>();

        using var page = await _client.GetAsync(new Uri(link.PageUrl, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"shared-storyboard-title\">&lt;b&gt;Lighthouse&lt;/b&gt;</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Mara &lt;script&gt;alert(1)&lt;/script&gt; climbs.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("The lamp room glows as the lens turns.", html, StringComparison.Ordinal);
        Assert.Contains(StoryboardLibraryApi.Raincoat, html, StringComparison.Ordinal);
        Assert.Contains("2 shots · 10 seconds · version 1", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(2, html.Split("data-testid=\"shared-storyboard-shot\"").Length - 1);
        Assert.Contains($"href=\"/storyboard?shared={link.Token}\"", html, StringComparison.Ordinal);
        Assert.Contains("2. (4-10 s) The lamp room glows as the lens turns.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharedPage_UnknownToken_Answers404WithTheStoryboardNotFoundPage()
    {
        using var page = await _client.GetAsync(new Uri("/s/no-such-token", UriKind.Relative));
        using var api = await _client.GetAsync(new Uri("/api/shared/storyboards/no-such-token", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Shared storyboard not found", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await api.AssertErrorAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task DeleteStoryboard_WithCurrentVersion_RemovesItAndItsVersions()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var saved = await _client.CreateStoryboardAsync(workspace.Key);

        using var deleted = await _client.SendAsync(HttpMethod.Delete, $"/api/storyboards/{saved.Id}", workspace.Key, ifMatch: "\"1\"");
        using var again = await _client.SendAsync(HttpMethod.Get, $"/api/storyboards/{saved.Id}", workspace.Key);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await again.AssertErrorAsync(HttpStatusCode.NotFound, "not_found");
        await using var db = factory.Database.CreateContext();
        Assert.Equal(0, await db.StoryboardVersions.CountAsync(v => v.StoryboardId == saved.Id));
    }
}

public sealed class StoryboardLibraryEndpointsSqliteTests(SqliteAppFactory factory)
    : StoryboardLibraryEndpointsTests<SqliteAppFactory>(factory), IClassFixture<SqliteAppFactory>;

public sealed class StoryboardLibraryEndpointsPostgresTests(PostgresAppFactory factory)
    : StoryboardLibraryEndpointsTests<PostgresAppFactory>(factory), IClassFixture<PostgresAppFactory>;
