using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Library;
using SoraPromptGenie.Tests.Ops.Logging;

namespace SoraPromptGenie.Tests.Mcp;

/// <summary>
/// save_prompt, list_prompts and get_prompt over HTTP with the official client: the workspace key as the JSON API takes
/// it or in X-Workspace-Key, the API's checks and messages, another workspace's prompts out of reach, and no key in any
/// answer or log line.
/// </summary>
public sealed class McpLibraryToolsTests(AppFactory<OfflineMcpSettings> factory) : IClassFixture<AppFactory<OfflineMcpSettings>>
{
    private const string Text = "Wide shot, low angle: a red fox crosses a snowy road at night under one sodium street lamp.";

    [Fact]
    public async Task SaveListGet_WithTheKeyAsBearer_WorkOnTheCallersLibrary()
    {
        using var http = factory.CreateClient();
        var workspace = await http.CreateWorkspaceAsync();
        await using var client = await McpTestClient.ConnectAsync(factory, Bearer(workspace.Key));

        var saved = await client.CallToolAsync("save_prompt", new Dictionary<string, object?>
        {
            ["text"] = Text,
            ["target"] = "veo-3.1",
            ["parameters"] = new Dictionary<string, string> { ["durationSeconds"] = "8", ["aspectRatio"] = "9:16" },
        });
        var prompt = McpTestClient.Structured(saved);
        var id = prompt.GetProperty("id").GetString()!;
        var listed = McpTestClient.Structured(await client.CallToolAsync("list_prompts", new Dictionary<string, object?> { ["query"] = "sodium" }));
        var fetched = await client.CallToolAsync("get_prompt", new Dictionary<string, object?> { ["id"] = id });
        using var api = await http.SendAsync(HttpMethod.Get, $"/api/prompts/{id}", workspace.Key);

        Assert.Equal("Wide shot, low angle: a red fox crosses…", prompt.GetProperty("title").GetString());
        Assert.Equal(1, prompt.GetProperty("version").GetInt32());
        Assert.Equal("veo-3.1", prompt.GetProperty("target").GetString());
        Assert.Equal("9:16", prompt.GetProperty("parameters").GetProperty("aspectRatio").GetString());
        Assert.Contains(id, McpTestClient.Text(saved), StringComparison.Ordinal);
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        Assert.Equal(id, listed.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(Text, McpTestClient.Structured(fetched).GetProperty("text").GetString());
        Assert.EndsWith(Text, McpTestClient.Text(fetched), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(Text, (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task LibraryTools_WithoutAKey_AreUnauthorizedToolErrors()
    {
        await using var client = await McpTestClient.ConnectAsync(factory);

        foreach (var (tool, arguments) in LibraryCalls())
        {
            var error = McpTestClient.Error(await client.CallToolAsync(tool, arguments));

            Assert.Equal("unauthorized", error.Code);
            Assert.Contains("'Authorization: Bearer <key>' or 'X-Workspace-Key: <key>'", error.Error, StringComparison.Ordinal);
            Assert.StartsWith("00-", error.RequestId, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LibraryTools_WithAKeyThatOpensNoLibrary_AreUnauthorizedAndDoNotRepeatTheKey()
    {
        var unknown = new string('k', 43);
        await using var client = await McpTestClient.ConnectAsync(factory, new Dictionary<string, string> { ["X-Workspace-Key"] = unknown });

        var error = McpTestClient.Error(await client.CallToolAsync("list_prompts"));

        Assert.Equal("unauthorized", error.Code);
        Assert.Contains("opens no library", error.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("kkkk", error.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPrompt_OfAnotherWorkspace_IsNotFoundLikeAnUnknownId()
    {
        using var http = factory.CreateClient();
        var owner = await http.CreateWorkspaceAsync();
        var stranger = await http.CreateWorkspaceAsync();
        await using var ownerClient = await McpTestClient.ConnectAsync(factory, Bearer(owner.Key));
        await using var strangerClient = await McpTestClient.ConnectAsync(factory, new Dictionary<string, string> { ["X-Workspace-Key"] = stranger.Key });
        var id = McpTestClient.Structured(await ownerClient.CallToolAsync("save_prompt", new Dictionary<string, object?> { ["text"] = Text, ["title"] = "Fox" }))
            .GetProperty("id").GetString();

        var theirs = McpTestClient.Error(await strangerClient.CallToolAsync("get_prompt", new Dictionary<string, object?> { ["id"] = id }));
        var unknown = McpTestClient.Error(await strangerClient.CallToolAsync("get_prompt", new Dictionary<string, object?> { ["id"] = Guid.NewGuid().ToString() }));
        var notAnId = McpTestClient.Error(await strangerClient.CallToolAsync("get_prompt", new Dictionary<string, object?> { ["id"] = "fox" }));
        var listed = McpTestClient.Structured(await strangerClient.CallToolAsync("list_prompts"));

        Assert.Equal(("not_found", "No such prompt in this workspace."), (theirs.Code, theirs.Error));
        Assert.Equal((theirs.Code, theirs.Error), (unknown.Code, unknown.Error));
        Assert.Equal("validation_failed", notAnId.Code);
        Assert.Equal(0, listed.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("""{"title":"Fox","text":"a fox","target":"sora-9"}""")]
    [InlineData("""{"title":"Fox","text":"a fox","target":"veo-3.1","parameters":{"durationSeconds":"9"}}""")]
    [InlineData("""{"title":"Fox","text":"a fox","target":"veo-3.1","parameters":{"fps":"24"}}""")]
    [InlineData("""{"title":"Fox","text":"a fox","parameters":{"durationSeconds":"8"}}""")]
    [InlineData("""{"title":"Fox","text":"a fox\u0000"}""")]
    [InlineData("""{"title":"","text":"a fox"}""")]
    [InlineData("""{"title":"Fox","text":""}""")]
    public async Task SavePrompt_BadInput_IsRefusedWithTheApisMessage(string body)
    {
        using var http = factory.CreateClient();
        var workspace = await http.CreateWorkspaceAsync();
        await using var client = await McpTestClient.ConnectAsync(factory, Bearer(workspace.Key));
        var arguments = JsonSerializer.Deserialize<Dictionary<string, object?>>(body)!;

        var error = McpTestClient.Error(await client.CallToolAsync("save_prompt", arguments));
        using var api = await http.SendJsonAsync(HttpMethod.Post, "/api/prompts", workspace.Key, body);
        var apiError = await api.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("validation_failed", error.Code);
        Assert.Equal(apiError.GetProperty("error").GetString(), error.Error);
        Assert.Equal(0, McpTestClient.Structured(await client.CallToolAsync("list_prompts")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ListPrompts_BadPaging_IsRefusedWithTheApisMessage()
    {
        using var http = factory.CreateClient();
        var workspace = await http.CreateWorkspaceAsync();
        await using var client = await McpTestClient.ConnectAsync(factory, Bearer(workspace.Key));

        var error = McpTestClient.Error(await client.CallToolAsync("list_prompts", new Dictionary<string, object?> { ["pageSize"] = 101 }));
        using var api = await http.SendAsync(HttpMethod.Get, "/api/prompts?pageSize=101", workspace.Key);

        Assert.Equal("validation_failed", error.Code);
        Assert.Equal((await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), error.Error);
    }

    [Fact]
    public async Task Key_AfterLibraryCalls_IsInNoAnswerAndNoLogLine()
    {
        using var http = factory.CreateClient();
        var workspace = await http.CreateWorkspaceAsync();
        await using var client = await McpTestClient.ConnectAsync(factory, Bearer(workspace.Key));
        var answers = new List<string>();

        var saved = await client.CallToolAsync("save_prompt", new Dictionary<string, object?> { ["text"] = Text });
        answers.Add(JsonSerializer.Serialize(saved));
        answers.Add(JsonSerializer.Serialize(await client.CallToolAsync("list_prompts")));
        answers.Add(JsonSerializer.Serialize(await client.CallToolAsync("get_prompt", new Dictionary<string, object?> { ["id"] = McpTestClient.Structured(saved).GetProperty("id").GetString() })));
        answers.Add(JsonSerializer.Serialize(await client.CallToolAsync("save_prompt", new Dictionary<string, object?> { ["text"] = Text, ["target"] = "nope" })));
        var logs = await LogFiles.WaitForAsync(
            Path.Combine(factory.LogDirectory, "combined.log"), text => text.Contains("tool=get_prompt", StringComparison.Ordinal));

        foreach (var text in answers.Append(LogFiles.ReadAll(factory.LogDirectory)))
        {
            Assert.DoesNotContain(workspace.Key, text, StringComparison.Ordinal);
            Assert.DoesNotContain(workspace.Key[..8], text, StringComparison.Ordinal);
        }

        Assert.Matches(@"POST /mcp 200 in \d+ms tool=save_prompt", logs);
    }

    internal static IEnumerable<(string Tool, Dictionary<string, object?> Arguments)> LibraryCalls() =>
    [
        ("save_prompt", new() { ["text"] = Text }),
        ("list_prompts", []),
        ("get_prompt", new() { ["id"] = Guid.NewGuid().ToString() }),
    ];

    private static Dictionary<string, string> Bearer(string key) => new() { ["Authorization"] = "Bearer " + key };
}
