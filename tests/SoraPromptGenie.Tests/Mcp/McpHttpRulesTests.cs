using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Library;
using SoraPromptGenie.Tests.Ops.Logging;
using SoraPromptGenie.Tests.Ops.Telemetry;

namespace SoraPromptGenie.Tests.Mcp;

/// <summary>
/// The rules around the MCP tools over HTTP: the AI and general limits per client, the optional token and where the
/// workspace key goes with it, the Origin check, and the request log line and counters of each tool call.
/// </summary>
public sealed class McpHttpRulesTests
{
    private const string Token = "mcp-token-0123456789abcdef";

    private const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""";

    [Fact]
    public async Task AiTools_SpendTheSameAiLimitPerClientAsTheJsonApi()
    {
        await using var app = await SettingsAppFactory.StartAsync(new Dictionary<string, string?> { ["LLM_MODE"] = "offline", ["RATE_LIMIT_AI"] = "2/900" });
        await using var client = await McpTestClient.ConnectAsync(app);
        var idea = new Dictionary<string, object?> { ["idea"] = "a fox crossing a snowy road" };

        McpTestClient.Structured(await client.CallToolAsync("expand_idea", idea));
        using var http = app.CreateClient();
        using var api = await http.PostAsync("/api/auto-generate-prompt", new StringContent("""{"basicPrompt":"a fox crossing a snowy road"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);

        var limited = McpTestClient.Error(await client.CallToolAsync("expand_idea", idea));
        Assert.Equal("rate_limited", limited.Code);
        Assert.Contains("Try again in", limited.Error, StringComparison.Ordinal);

        // Deterministic tools are not AI calls.
        McpTestClient.Structured(await client.CallToolAsync("list_targets"));
    }

    [Fact]
    public async Task WithMcpToken_RequestsWithoutTheBearerTokenAreRefused()
    {
        await using var app = await SettingsAppFactory.StartAsync(new Dictionary<string, string?> { ["LLM_MODE"] = "offline", ["MCP_TOKEN"] = Token });
        using var http = app.CreateClient();

        using var missing = await PostAsync(http, null, null);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Contains("\"code\":\"unauthorized\"", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var wrong = await PostAsync(http, "not-" + Token, null);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        await using var client = await McpTestClient.ConnectAsync(app, new Dictionary<string, string> { ["Authorization"] = "Bearer " + Token });
        Assert.NotEmpty(await client.ListToolsAsync());
    }

    [Fact]
    public async Task WithMcpToken_TheWorkspaceKeyTravelsInXWorkspaceKey_AndTheTokenOpensNoLibrary()
    {
        await using var app = await SettingsAppFactory.StartAsync(new Dictionary<string, string?> { ["LLM_MODE"] = "offline", ["MCP_TOKEN"] = Token });
        using var http = app.CreateClient();
        var workspace = await http.CreateWorkspaceAsync();
        await using var withKey = await McpTestClient.ConnectAsync(app, new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer " + Token,
            ["X-Workspace-Key"] = workspace.Key,
        });
        await using var tokenOnly = await McpTestClient.ConnectAsync(app, new Dictionary<string, string> { ["Authorization"] = "Bearer " + Token });

        var saved = McpTestClient.Structured(await withKey.CallToolAsync("save_prompt", new Dictionary<string, object?> { ["text"] = "a fox at dusk", ["title"] = "Fox" }));
        var refused = McpTestClient.Error(await tokenOnly.CallToolAsync("list_prompts"));

        Assert.Equal("Fox", saved.GetProperty("title").GetString());
        Assert.Equal("unauthorized", refused.Code);
        Assert.Contains("'X-Workspace-Key: <key>' (the bearer token carries the MCP token)", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LibraryTools_SpendTheGeneralLimitOfTheLibraryApi()
    {
        await using var app = await SettingsAppFactory.StartAsync(new Dictionary<string, string?> { ["LLM_MODE"] = "offline", ["RATE_LIMIT_GENERAL"] = "3/900" });
        using var http = app.CreateClient();
        var workspace = await http.CreateWorkspaceAsync();
        await using var client = await McpTestClient.ConnectAsync(app, new Dictionary<string, string> { ["Authorization"] = "Bearer " + workspace.Key });

        McpTestClient.Structured(await client.CallToolAsync("list_prompts"));
        McpTestClient.Structured(await client.CallToolAsync("list_prompts"));
        var limited = McpTestClient.Error(await client.CallToolAsync("list_prompts"));
        using var api = await http.SendAsync(HttpMethod.Get, "/api/prompts", workspace.Key);

        Assert.Equal("rate_limited", limited.Code);
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        McpTestClient.Structured(await client.CallToolAsync("lint_prompt", new Dictionary<string, object?> { ["prompt"] = "a fox" }));
    }

    [Fact]
    public async Task ToolCalls_NameTheToolOnTheRequestLine_AndCountCallsAndErrorsPerTool()
    {
        await using var app = await SettingsAppFactory.StartAsync(new Dictionary<string, string?> { ["LLM_MODE"] = "offline" });
        await using var client = await McpTestClient.ConnectAsync(app);
        using var http = app.CreateClient();

        McpTestClient.Structured(await client.CallToolAsync("lint_prompt", new Dictionary<string, object?> { ["prompt"] = "a fox at dusk" }));
        McpTestClient.Error(await client.CallToolAsync("lint_prompt", new Dictionary<string, object?> { ["prompt"] = "a fox", ["target"] = "nope" }));
        McpTestClient.Error(await client.CallToolAsync("get_prompt", new Dictionary<string, object?> { ["id"] = "x" }));
        await client.ListToolsAsync();
        var log = await LogFiles.WaitForAsync(
            Path.Combine(app.LogDirectory, "combined.log"), text => text.Contains("tool=get_prompt", StringComparison.Ordinal));
        using var scrape = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        var metrics = new PrometheusText(await scrape.Content.ReadAsStringAsync());

        Assert.Equal(2, Regex.Count(log, @"\[INF\] POST /mcp 200 in \d+ms tool=lint_prompt \S+"));
        Assert.Matches(@"\[INF\] POST /mcp 200 in \d+ms tool=get_prompt \S+", log);
        Assert.Matches(@"\[INF\] POST /mcp 200 in \d+ms \S+\r?\n", log);
        Assert.True(metrics.Sum("sora_mcp_tool_calls_total", ("tool", "lint_prompt"), ("outcome", "ok")) >= 1, metrics.Text);
        Assert.True(metrics.Sum("sora_mcp_tool_calls_total", ("tool", "lint_prompt"), ("outcome", "validation_failed")) >= 1);
        Assert.True(metrics.Sum("sora_mcp_tool_errors_total", ("tool", "lint_prompt"), ("code", "validation_failed")) >= 1);
        Assert.True(metrics.Sum("sora_mcp_tool_errors_total", ("tool", "get_prompt"), ("code", "unauthorized")) >= 1);
    }

    [Fact]
    public async Task ForeignOrigin_IsRefused_SiteOriginIsServed()
    {
        await using var app = await SettingsAppFactory.StartAsync(new Dictionary<string, string?> { ["LLM_MODE"] = "offline", ["SITE_URL"] = "https://prompts.example.com" });
        using var http = app.CreateClient();

        using var foreign = await PostAsync(http, null, "https://evil.example.net");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        using var own = await PostAsync(http, null, "https://prompts.example.com");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string? bearer, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(Initialize, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await http.SendAsync(request);
    }
}
