using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModelContextProtocol.Client;
using SoraPromptGenie.Tests.Data;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Library;
using SoraPromptGenie.Tests.Processes;

namespace SoraPromptGenie.Tests.Mcp;

/// <summary>
/// docs/mcp.md as a user copies it: every JSON block parses; the Claude Desktop and VS Code entries start the built app
/// with their own command line (the dll path swapped for the placeholder) and environment, and open the library with
/// the key where they say it goes; the worked example's request gets the answer printed under it.
/// </summary>
public sealed partial class McpDocsTests(AppFactory<OfflineMcpSettings> factory) : IClassFixture<AppFactory<OfflineMcpSettings>>, IDisposable
{
    private const string DllPlaceholder = "/opt/sora-prompt-genie/SoraPromptGenie.dll";

    private static readonly IReadOnlyList<JsonNode> Blocks = ReadJsonBlocks();

    private readonly string _directory = Directory.CreateTempSubdirectory("spg-mcp-docs-").FullName;

    [Fact]
    public void Doc_HasTheClaudeDesktopAndVsCodeEntries_AndEveryJsonBlockParses()
    {
        Assert.Single(Blocks, b => b["mcpServers"] is not null);
        var vsCode = Assert.Single(Blocks, b => b["servers"] is not null)["servers"]!.AsObject();
        Assert.Equal(["http", "stdio"], vsCode.Select(s => s.Value!["type"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ClaudeDesktopEntry_StartsTheStdioServer_WhichListsItsToolsAndOpensTheLibrary()
    {
        var servers = Assert.Single(Blocks, b => b["mcpServers"] is not null)["mcpServers"]!.AsObject();

        var (name, entry) = Assert.Single(servers);

        Assert.Equal("sora-prompt-genie", name);
        await AssertStdioEntryAsync(entry!.AsObject());
    }

    [Fact]
    public async Task VsCodeEntries_StartTheStdioServerAndReachTheHttpEndpoint_OpeningTheLibraryBothWays()
    {
        var servers = Assert.Single(Blocks, b => b["servers"] is not null)["servers"]!.AsObject();

        await AssertStdioEntryAsync(servers.Single(s => s.Value!["type"]!.GetValue<string>() == "stdio").Value!.AsObject());

        var http = servers.Single(s => s.Value!["type"]!.GetValue<string>() == "http").Value!;
        Assert.Equal("/mcp", new Uri(http["url"]!.GetValue<string>()).AbsolutePath);
        using var client = factory.CreateClient();
        var key = (await client.CreateWorkspaceAsync()).Key;
        var headers = http["headers"]!.AsObject().ToDictionary(h => h.Key, h => Inputs(h.Value!.GetValue<string>(), key));
        await using var mcp = await McpTestClient.ConnectAsync(factory, headers);
        Assert.Equal(0, McpTestClient.Structured(await mcp.CallToolAsync("list_prompts")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task WorkedExample_TheRequestGetsTheAnswerShown()
    {
        var request = Assert.Single(Blocks, b => b["method"]?.GetValue<string>() == "tools/call");
        var shown = Assert.Single(Blocks, b => b["result"] is not null);
        using var http = factory.CreateClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri("/mcp", UriKind.Relative))
        {
            Content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));

        using var response = await http.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();

        var data = DataLine().Match(body);
        Assert.True(data.Success, body);
        var answer = JsonNode.Parse(data.Groups[1].Value)!;
        Assert.True(JsonNode.DeepEquals(shown, answer), $"docs/mcp.md shows:\n{shown}\nthe server answers:\n{answer}");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be open; the OS temp cleaner takes what is left.
        }
    }

    /// <summary>
    /// Starts the entry's command line with the built dll for the placeholder, its environment (the workspace key of a
    /// library made for the test, every other value as written) and the test's own database, logs and offline engine.
    /// </summary>
    private async Task AssertStdioEntryAsync(JsonObject entry)
    {
        var arguments = entry["args"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Contains(DllPlaceholder, arguments);
        Assert.Equal("mcp", arguments[^1]);
        var database = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db");
        var key = await CreateWorkspaceAsync(database);
        var environment = entry["env"]!.AsObject().ToDictionary(e => e.Key, e => (string?)(e.Key == "MCP_WORKSPACE_KEY" ? key : Inputs(e.Value!.GetValue<string>(), key)));
        Assert.Contains("MCP_WORKSPACE_KEY", environment.Keys);
        environment["LLM_MODE"] = "offline";
        environment["LOG_DIR"] = Path.Combine(_directory, "logs");
        environment["Database__SqlitePath"] = database;

        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = entry["command"]!.GetValue<string>(),
            Arguments = [.. arguments.Select(a => a == DllPlaceholder ? AppProcess.AppDll : a)],
            WorkingDirectory = _directory,
            EnvironmentVariables = environment,
        });
        await using var client = await McpClient.CreateAsync(transport);

        Assert.Equal(McpHttpTests.ToolNames, (await client.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0, McpTestClient.Structured(await client.CallToolAsync("list_prompts")).GetProperty("total").GetInt32());
    }

    private static async Task<string> CreateWorkspaceAsync(string database)
    {
        await using var app = await SettingsAppFactory.StartAsync(new Dictionary<string, string?> { ["LLM_MODE"] = "offline", ["Database:SqlitePath"] = database });
        using var http = app.CreateClient();
        return (await http.CreateWorkspaceAsync()).Key;
    }

    /// <summary>VS Code's <c>${input:...}</c> variables: the workspace key for the workspace-key input, a stand-in for the others.</summary>
    private static string Inputs(string value, string key) =>
        InputVariable().Replace(value, match => match.Groups[1].Value == "workspace-key" ? key : "stand-in-for-" + match.Groups[1].Value);

    private static List<JsonNode> ReadJsonBlocks()
    {
        var doc = File.ReadAllText(Path.Combine(HostProcess.RepositoryRoot, "docs", "mcp.md"));
        return [.. JsonBlock().Matches(doc).Select(m => JsonNode.Parse(m.Groups[1].Value) ?? throw new JsonException("An empty JSON block in docs/mcp.md."))];
    }

    [GeneratedRegex(@"```json\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex(@"^data: (.*)$", RegexOptions.Multiline)]
    private static partial Regex DataLine();

    [GeneratedRegex(@"\$\{input:([a-z-]+)\}")]
    private static partial Regex InputVariable();
}
