using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Library;
using SoraPromptGenie.Tests.Ops.Logging;
using SoraPromptGenie.Tests.Processes;

namespace SoraPromptGenie.Tests.Mcp;

/// <summary>
/// <c>dotnet SoraPromptGenie.dll mcp</c> with the official client: the same tools, resources and prompts over stdio, the
/// library of <c>MCP_WORKSPACE_KEY</c>, and stdout left to the protocol. A stdio client is the local user and spends no
/// rate limit (the HTTP tests cover the limits).
/// </summary>
public sealed class McpStdioTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("spg-mcp-stdio-").FullName;

    private Dictionary<string, string?> Environment => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["LLM_MODE"] = "offline",
        ["LOG_DIR"] = Path.Combine(_directory, "logs"),
        ["Database__SqlitePath"] = Path.Combine(_directory, "app.db"),
        ["DOTNET_NOLOGO"] = "1",
    };

    [Fact]
    public async Task StdioClient_ThroughDotnetRunQuietly_ListsTheTools()
    {
        var errors = new List<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = "dotnet",

            // As docs/mcp.md gives it, without a rebuild under the running tests: -v q keeps the SDK's own lines
            // ("Using launch settings from ...") off stdout, which carries only the protocol.
            Arguments = ["run", "--no-build", "-v", "q", "--project", Path.Combine(AppProcess.RepoRoot, "src", "SoraPromptGenie"), "--", "mcp"],
            WorkingDirectory = _directory,
            EnvironmentVariables = Environment,
            StandardErrorLines = line => { lock (errors) { errors.Add(line); } },
        });

        await using var client = await McpClient.CreateAsync(transport);
        var tools = await client.ListToolsAsync();

        Assert.Equal(McpHttpTests.ToolNames, tools.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StdioClient_ListsToolsAndCallsEveryToolOnTheBuiltApp_TheLibraryToolsOnTheConfiguredWorkspace()
    {
        var key = await CreateWorkspaceAsync();
        var errors = new List<string>();
        await using (var client = await ConnectAsync(new() { ["MCP_WORKSPACE_KEY"] = key }, errors))
        {
            var tools = await client.ListToolsAsync();
            Assert.Equal(McpHttpTests.ToolNames, tools.Select(t => t.Name).Order(StringComparer.Ordinal));

            var expanded = await client.CallToolAsync("expand_idea", new Dictionary<string, object?> { ["idea"] = "a lighthouse keeper feeding gulls at dawn", ["target"] = "veo-3.1" });
            var prompt = McpTestClient.Structured(expanded).GetProperty("prompt").GetString()!;
            Assert.Equal("offline", McpTestClient.Structured(expanded).GetProperty("engine").GetString());
            Assert.Contains("Audio:", prompt, StringComparison.Ordinal);
            var enhanced = McpTestClient.Structured(await client.CallToolAsync("enhance_prompt", new Dictionary<string, object?>
            {
                ["prompt"] = prompt,
                ["cards"] = new[] { "camera-angles/low-angle" },
                ["target"] = "veo-3.1",
            }));
            Assert.Contains("low", enhanced.GetProperty("prompt").GetString(), StringComparison.OrdinalIgnoreCase);
            var suggested = McpTestClient.Structured(await client.CallToolAsync("suggest_enhancements", new Dictionary<string, object?> { ["category"] = "weather", ["count"] = 2 }));
            Assert.Equal(2, suggested.GetProperty("suggestions").GetArrayLength());
            McpTestClient.Structured(await client.CallToolAsync("structure_prompt", new Dictionary<string, object?> { ["prompt"] = prompt, ["target"] = "veo-3.1" }));
            Assert.InRange(McpTestClient.Structured(await client.CallToolAsync("lint_prompt", new Dictionary<string, object?> { ["prompt"] = prompt })).GetProperty("score").GetInt32(), 0, 100);
            Assert.Equal(12, McpTestClient.Structured(await client.CallToolAsync("list_categories")).GetProperty("categories").GetArrayLength());
            McpTestClient.Structured(await client.CallToolAsync("list_targets"));
            var request = McpTestClient.Structured(await client.CallToolAsync("build_video_request", new Dictionary<string, object?> { ["target"] = "veo-3.1", ["prompt"] = prompt }));
            Assert.StartsWith("curl", request.GetProperty("curl").GetString(), StringComparison.Ordinal);

            var saved = McpTestClient.Structured(await client.CallToolAsync("save_prompt", new Dictionary<string, object?> { ["text"] = prompt, ["title"] = "Gulls", ["target"] = "veo-3.1" }));
            var id = saved.GetProperty("id").GetString();
            Assert.Equal(id, McpTestClient.Structured(await client.CallToolAsync("list_prompts")).GetProperty("items")[0].GetProperty("id").GetString());
            Assert.Equal("Gulls", McpTestClient.Structured(await client.CallToolAsync("get_prompt", new Dictionary<string, object?> { ["id"] = id })).GetProperty("title").GetString());

            Assert.Contains(await client.ListResourcesAsync(), r => r.Uri == "spg://targets/veo-3.1");
            var catalog = Assert.IsType<TextResourceContents>(Assert.Single((await client.ReadResourceAsync("spg://catalog")).Contents));
            Assert.Contains("camera-angles", catalog.Text, StringComparison.Ordinal);
            var shot = await client.GetPromptAsync("write_shot", new Dictionary<string, object?> { ["idea"] = "gulls over a harbour", ["target"] = "veo-3.1" });
            Assert.Contains("<idea>\ngulls over a harbour\n</idea>", Assert.IsType<TextContentBlock>(Assert.Single(shot.Messages).Content).Text, StringComparison.Ordinal);

            var invalid = McpTestClient.Error(await client.CallToolAsync("lint_prompt", new Dictionary<string, object?> { ["prompt"] = "a shot", ["target"] = "nope" }));
            Assert.Equal("validation_failed", invalid.Code);
            Assert.StartsWith("00-", invalid.RequestId, StringComparison.Ordinal);
        }

        lock (errors)
        {
            Assert.Contains(errors, line => line.Contains("MCP tool expand_idea answered ok", StringComparison.Ordinal));
            Assert.Contains(errors, line => line.Contains("MCP tool save_prompt answered ok", StringComparison.Ordinal));
            Assert.DoesNotContain(errors, line => line.Contains(key[..8], StringComparison.Ordinal));
        }

        Assert.DoesNotContain(key[..8], ReadLogs(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LibraryTools_WithoutMcpWorkspaceKey_AreUnauthorizedToolErrorsSayingWhatToSet()
    {
        await using var client = await ConnectAsync([], []);

        foreach (var (tool, arguments) in McpLibraryToolsTests.LibraryCalls())
        {
            var error = McpTestClient.Error(await client.CallToolAsync(tool, arguments));

            Assert.Equal("unauthorized", error.Code);
            Assert.StartsWith("Library tools need a workspace key: set MCP_WORKSPACE_KEY", error.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MalformedMcpWorkspaceKey_StopsTheServerAtStartWithOneLineNamingIt()
    {
        var start = StartInfo(new() { ["MCP_WORKSPACE_KEY"] = "Bearer not-a-key" });

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("MCP_WORKSPACE_KEY: must be a workspace key", await error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-key", await error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await output);
    }

    [Fact]
    public async Task Stdout_CarriesOnlyProtocol_AndTheServerExitsWithZeroWhenStdinCloses()
    {
        var start = StartInfo([]);
        start.RedirectStandardInput = true;

        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteLineAsync(
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""");
        await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"list_targets","arguments":{}}}""");
        await process.StandardInput.FlushAsync();

        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (lines.Count < 2 && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);
        }

        process.StandardInput.Close();
        var rest = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        lines.AddRange(rest.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, lines.Count);
        foreach (var line in lines)
        {
            using var message = JsonDocument.Parse(line);
            Assert.Equal("2.0", message.RootElement.GetProperty("jsonrpc").GetString());
        }

        Assert.Contains(lines, line => line.Contains("\"id\":2", StringComparison.Ordinal) && line.Contains("sora-2", StringComparison.Ordinal));
        Assert.Equal(0, process.ExitCode);
    }

    /// <summary>A workspace in the database the stdio server will use, made through the JSON API; its key.</summary>
    private async Task<string> CreateWorkspaceAsync()
    {
        await using var app = await SettingsAppFactory.StartAsync(new Dictionary<string, string?>
        {
            ["LLM_MODE"] = "offline",
            ["Database:SqlitePath"] = Path.Combine(_directory, "app.db"),
        });
        using var http = app.CreateClient();
        return (await http.CreateWorkspaceAsync()).Key;
    }

    private async Task<McpClient> ConnectAsync(Dictionary<string, string?> settings, List<string> errors)
    {
        var environment = Environment;
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = "dotnet",
            Arguments = [AppProcess.AppDll, "mcp"],
            WorkingDirectory = _directory,
            EnvironmentVariables = environment,
            StandardErrorLines = line => { lock (errors) { errors.Add(line); } },
        });
        return await McpClient.CreateAsync(transport);
    }

    private ProcessStartInfo StartInfo(Dictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppProcess.AppDll);
        start.ArgumentList.Add("mcp");
        AppProcess.DropTestRunEnvironment(start);
        foreach (var (name, value) in Environment.Concat(settings))
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private string ReadLogs() => Directory.Exists(Path.Combine(_directory, "logs")) ? LogFiles.ReadAll(Path.Combine(_directory, "logs")) : string.Empty;

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
}
