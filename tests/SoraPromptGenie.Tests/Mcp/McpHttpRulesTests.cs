using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Mcp;

/// <summary>The rules in front of the MCP tools over HTTP: the AI limit per client, the optional token, the Origin check.</summary>
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
