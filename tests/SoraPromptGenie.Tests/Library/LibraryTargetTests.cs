using System.Net;
using System.Text.Json;
using SoraPromptGenie.Library;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Library;

/// <summary>The fields a prompt, a version and a shared prompt answered with before targets, in wire order.</summary>
public static class LibraryWireFields
{
    public static readonly string[] Prompt = ["id", "title", "text", "model", "size", "seconds", "version", "shared", "createdAt", "updatedAt"];

    public static readonly string[] Version =
        ["number", "title", "text", "model", "size", "seconds", "operation", "enhancementIds", "engine", "restoredFrom", "createdAt"];

    public static readonly string[] Shared = ["title", "text", "model", "size", "seconds", "version", "updatedAt"];
}

/// <summary>
/// A saved prompt's video-model target and export parameters: saved, versioned, restored, kept by AI saves, checked against
/// the target's profile, and absent from every answer about a prompt saved without one. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class LibraryTargetTests<TFactory>(TFactory factory)
    where TFactory : LibraryAppFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task PromptTarget_SavedChangedAndOldVersionRestored_ComesBackWithItsParameters()
    {
        var workspace = await _client.CreateWorkspaceAsync();

        using var created = await _client.SendAsync(HttpMethod.Post, "/api/prompts", workspace.Key, new
        {
            title = "Harbor",
            text = "A slow dolly over a misty harbor at dawn.",
            target = "veo-3.1",
            parameters = new Dictionary<string, object> { ["aspectRatio"] = "9:16", ["durationSeconds"] = 8, ["generateAudio"] = true },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var prompt = await created.ReadAsync<PromptResponse>();
        var veo = new Dictionary<string, string> { ["aspectRatio"] = "9:16", ["durationSeconds"] = "8", ["generateAudio"] = "true" };
        Assert.Equal("veo-3.1", prompt.Target);
        Assert.Equal(veo, prompt.Parameters);

        using var read = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}", workspace.Key);
        var stored = await read.ReadAsync<PromptResponse>();
        Assert.Equal(("veo-3.1", 1), (stored.Target, stored.Version));
        Assert.Equal(veo, stored.Parameters);

        using var changed = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key, new
        {
            title = "Harbor",
            text = "A slow dolly over a misty harbor at dawn.",
            target = "kling-v3",
            parameters = new { mode = "pro", duration = "10" },
        }, ifMatch: "\"1\"");
        var second = await changed.ReadAsync<PromptResponse>();
        Assert.Equal(("kling-v3", 2), (second.Target, second.Version));
        Assert.Equal(new Dictionary<string, string> { ["mode"] = "pro", ["duration"] = "10" }, second.Parameters);

        using var restored = await _client.SendAsync(HttpMethod.Post, $"/api/prompts/{prompt.Id}/versions/1/restore", workspace.Key, ifMatch: "\"2\"");
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var third = await restored.ReadAsync<PromptResponse>();
        Assert.Equal(("veo-3.1", 3), (third.Target, third.Version));
        Assert.Equal(veo, third.Parameters);

        using var versions = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}/versions", workspace.Key);
        var items = (await versions.ReadAsync<VersionList>()).Items;
        Assert.Equal(["veo-3.1", "kling-v3", "veo-3.1"], items.Select(v => v.Target));
        Assert.Equal(veo, items[0].Parameters);
        Assert.Equal(veo, items[2].Parameters);
        Assert.Equal(("restore", 1), (items[0].Operation, items[0].RestoredFrom));
    }

    [Fact]
    public async Task PostPrompt_TargetAndParametersInAnyCase_AreStoredAsTheProfileSpellsThemInItsOrder()
    {
        var workspace = await _client.CreateWorkspaceAsync();

        using var created = await _client.SendAsync(HttpMethod.Post, "/api/prompts", workspace.Key, new
        {
            title = "Fox",
            text = "A fox.",
            target = " VEO-3.1 ",
            parameters = new Dictionary<string, object?> { ["RESOLUTION"] = "1080P", ["aspectratio"] = " 16:9 ", ["personGeneration"] = null, ["enhancePrompt"] = "" },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Assert.Equal("veo-3.1", body.RootElement.GetProperty("target").GetString());
        Assert.Equal(
            [("aspectRatio", "16:9"), ("resolution", "1080p")],
            body.RootElement.GetProperty("parameters").EnumerateObject().Select(p => (p.Name, p.Value.GetString())));
    }

    [Fact]
    public async Task PostPrompt_TargetWithoutParameters_AnswersAnEmptyParameterObject()
    {
        var workspace = await _client.CreateWorkspaceAsync();

        using var created = await _client.SendAsync(HttpMethod.Post, "/api/prompts", workspace.Key, new { title = "Fox", text = "A fox.", target = "generic" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Assert.Equal("generic", body.RootElement.GetProperty("target").GetString());
        Assert.Empty(body.RootElement.GetProperty("parameters").EnumerateObject());
    }

    [Fact]
    public async Task PutPrompt_OnlyParametersChanged_SavesANewVersionAndTheSameChoiceAgainDoesNot()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        using var created = await _client.SendAsync(HttpMethod.Post, "/api/prompts", workspace.Key,
            new { title = "Fox", text = "A fox.", target = "sora-2", parameters = new { size = "1280x720" } });
        var prompt = await created.ReadAsync<PromptResponse>();

        using var same = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key,
            new { title = "Fox", text = "A fox.", target = "Sora-2", parameters = new { SIZE = "1280X720" } }, ifMatch: "\"1\"");
        using var changed = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key,
            new { title = "Fox", text = "A fox.", target = "sora-2", parameters = new { size = "720x1280" } }, ifMatch: "\"1\"");
        using var cleared = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key,
            new { title = "Fox", text = "A fox." }, ifMatch: "\"2\"");

        Assert.Equal(1, (await same.ReadAsync<PromptResponse>()).Version);
        Assert.Equal(new Dictionary<string, string> { ["size"] = "720x1280" }, (await changed.ReadAsync<PromptResponse>()).Parameters);
        var last = await cleared.ReadAsync<PromptResponse>();
        Assert.Equal((3, (string?)null, (IReadOnlyDictionary<string, string>?)null), (last.Version, last.Target, last.Parameters));
    }

    [Theory]
    [InlineData("""{ "target": "sora-3" }""", "target sora-3 is not a known target")]
    [InlineData("""{ "parameters": { "aspectRatio": "9:16" } }""", "parameters need a target")]
    [InlineData("""{ "target": "veo-3.1", "parameters": { "aspect": "9:16" } }""", "parameters.aspect is not a parameter of veo-3.1; use aspectRatio,")]
    [InlineData("""{ "target": "veo-3.1", "parameters": { "aspectRatio": "4:3" } }""", "parameters.aspectRatio 4:3 is not available for veo-3.1; choose 16:9 or 9:16.")]
    [InlineData("""{ "target": "veo-3.1", "parameters": { "durationSeconds": 5 } }""", "parameters.durationSeconds 5 is not available")]
    [InlineData("""{ "target": "veo-3.1", "parameters": { "generateAudio": "yes" } }""", "choose true or false")]
    [InlineData("""{ "target": "veo-3.1", "parameters": { "aspectRatio": "9:16", "ASPECTRATIO": "16:9" } }""", "parameters.aspectRatio is given twice")]
    [InlineData("""{ "target": "generic", "parameters": { "size": "1280x720" } }""", "which takes none")]
    [InlineData("""{ "target": "sora-2", "parameters": { "size": "1792x1024" } }""", "parameters.size 1792x1024 is not available for sora-2")]
    [InlineData("""{ "target": "sora-2", "parameters": { "size": [ "1280x720" ] } }""", "parameters")]
    [InlineData("""{ "target": "sora-2", "parameters": [ "size" ] }""", "parameters")]
    [InlineData("""{ "target": "sora-2", "parameters": { "size": "1280x720\u001b" } }""", "parameters.size contains control character U+001B")]
    [InlineData("""{ "target": "sora-2\u0007" }""", "target contains control character")]
    public async Task PostAndPutPrompt_TargetOrParameterTheProfileDoesNotAllow_Return400NamingItAndWriteNothing(string fields, string message)
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Harbor", "A misty harbor at dawn.");
        var body = """{ "title": "Harbor", "text": "Changed text.", """ + fields.TrimStart()[1..];

        using var created = await _client.SendJsonAsync(HttpMethod.Post, "/api/prompts", workspace.Key, body);
        using var updated = await _client.SendJsonAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key, body);

        foreach (var response in new[] { created, updated })
        {
            Assert.Contains(message, await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed"), StringComparison.Ordinal);
        }

        using var list = await _client.SendAsync(HttpMethod.Get, "/api/prompts", workspace.Key);
        Assert.Equal(1, (await list.ReadAsync<PromptPage>()).Total);
        using var current = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}", workspace.Key);
        Assert.Equal(prompt, await current.ReadAsync<PromptResponse>());
    }

    [Fact]
    public async Task PostPrompt_OversizedTargetOrParameters_Return400SayingTheBound()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var many = Enumerable.Range(0, SavedTarget.MaxParameters + 1).ToDictionary(i => $"p{i}", _ => "x");
        var bodies = new (object Body, string Message)[]
        {
            (new { title = "T", text = "A fox.", target = new string('a', 65) }, "target must be at most 64 characters."),
            (new { title = "T", text = "A fox.", target = "sora-2", parameters = many }, "parameters may hold at most 16 values."),
            (new { title = "T", text = "A fox.", target = "sora-2", parameters = new Dictionary<string, string> { [new string('n', 65)] = "x" } },
                "A parameter name must be at most 64 characters."),
            (new { title = "T", text = "A fox.", target = "sora-2", parameters = new { size = new string('1', 65) } }, "parameters.size must be at most 64 characters."),
        };

        foreach (var (body, message) in bodies)
        {
            using var response = await _client.SendAsync(HttpMethod.Post, "/api/prompts", workspace.Key, body);

            Assert.Equal(message, await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed"));
        }

        using var list = await _client.SendAsync(HttpMethod.Get, "/api/prompts", workspace.Key);
        Assert.Equal(0, (await list.ReadAsync<PromptPage>()).Total);
    }

    [Fact]
    public async Task EveryPromptAnswer_PromptWithoutTarget_HasExactlyTheFieldsItHadBefore()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        using var created = await _client.SendAsync(HttpMethod.Post, "/api/prompts", workspace.Key,
            new { title = "Harbor", text = "A misty harbor.", model = "sora-2", size = "1280x720", seconds = 8 });
        var id = (await created.ReadAsync<PromptResponse>()).Id;
        using var read = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{id}", workspace.Key);
        using var updated = await _client.SendAsync(HttpMethod.Put, $"/api/prompts/{id}", workspace.Key,
            new { title = "Harbor", text = "A misty harbor at dawn." }, ifMatch: "\"1\"");
        using var restored = await _client.SendAsync(HttpMethod.Post, $"/api/prompts/{id}/versions/1/restore", workspace.Key);
        using var versions = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{id}/versions", workspace.Key);
        using var share = await _client.SendAsync(HttpMethod.Post, $"/api/prompts/{id}/share", workspace.Key);
        using var shared = await _client.GetAsync(new Uri((await share.ReadAsync<ShareResponse>()).Url, UriKind.Relative));

        foreach (var response in new[] { created, read, updated, restored })
        {
            Assert.Equal(LibraryWireFields.Prompt, await FieldsAsync(response));
        }

        using var list = JsonDocument.Parse(await versions.Content.ReadAsStringAsync());
        Assert.All(list.RootElement.GetProperty("items").EnumerateArray(), v => Assert.Equal(LibraryWireFields.Version, v.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(3, list.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(LibraryWireFields.Shared, await FieldsAsync(shared));
        using var restoredBody = JsonDocument.Parse(await restored.Content.ReadAsStringAsync());
        Assert.Equal(("sora-2", "1280x720", "8"), (
            restoredBody.RootElement.GetProperty("model").GetString(),
            restoredBody.RootElement.GetProperty("size").GetString(),
            restoredBody.RootElement.GetProperty("seconds").GetString()));
    }

    [Fact]
    public async Task SharedPrompt_WithTarget_CarriesTargetAndParameters()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        using var created = await _client.SendAsync(HttpMethod.Post, "/api/prompts", workspace.Key,
            new { title = "Fox", text = "A fox.", target = "luma-ray-3.2", parameters = new { duration = "10s", loop = false } });
        var id = (await created.ReadAsync<PromptResponse>()).Id;
        using var share = await _client.SendAsync(HttpMethod.Post, $"/api/prompts/{id}/share", workspace.Key);

        using var shared = await _client.GetAsync(new Uri((await share.ReadAsync<ShareResponse>()).Url, UriKind.Relative));

        Assert.Equal([.. LibraryWireFields.Shared, "target", "parameters"], await FieldsAsync(shared));
        var body = await shared.ReadAsync<SharedPromptResponse>();
        Assert.Equal("luma-ray-3.2", body.Target);
        Assert.Equal(new Dictionary<string, string> { ["duration"] = "10s", ["loop"] = "false" }, body.Parameters);
    }

    [Fact]
    public async Task Structure_WithPromptIdOfPromptWithTarget_NewVersionKeepsTheTargetAndParameters()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        using var created = await _client.SendAsync(HttpMethod.Post, "/api/prompts", workspace.Key,
            new { title = "Fox", text = "A fox runs.", target = "seedance-2.0", parameters = new { ratio = "21:9", duration = -1 } });
        var id = (await created.ReadAsync<PromptResponse>()).Id;

        using var response = await _client.SendAsync(HttpMethod.Post, "/api/structure-prompt", workspace.Key,
            new { currentPrompt = "A fox runs across a snowy field at dusk.", promptId = id });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, body.RootElement.GetProperty("savedVersion").GetInt32());
        var seedance = new Dictionary<string, string> { ["ratio"] = "21:9", ["duration"] = "-1" };
        using var versions = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{id}/versions", workspace.Key);
        var newest = (await versions.ReadAsync<VersionList>()).Items[0];
        Assert.Equal(("structure", 2, "seedance-2.0"), (newest.Operation, newest.Number, newest.Target));
        Assert.Equal(seedance, newest.Parameters);
        using var current = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{id}", workspace.Key);
        var prompt = await current.ReadAsync<PromptResponse>();
        Assert.Equal(("seedance-2.0", 2), (prompt.Target, prompt.Version));
        Assert.Equal(seedance, prompt.Parameters);
    }

    private static async Task<IEnumerable<string>> FieldsAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. document.RootElement.EnumerateObject().Select(p => p.Name)];
    }
}

public sealed class LibraryTargetSqliteTests(SqliteAppFactory factory)
    : LibraryTargetTests<SqliteAppFactory>(factory), IClassFixture<SqliteAppFactory>;

public sealed class LibraryTargetPostgresTests(PostgresAppFactory factory)
    : LibraryTargetTests<PostgresAppFactory>(factory), IClassFixture<PostgresAppFactory>;
