using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Tests.Processes;

namespace SoraPromptGenie.Tests.Mcp;

/// <summary>
/// A client nobody here wrote: the MCP Inspector's CLI lists the tools and calls lint_prompt and list_targets over
/// Streamable HTTP (the built app on a free 127.0.0.1 port) and over stdio (<c>dotnet SoraPromptGenie.dll mcp</c>). It
/// checks every answer's structured content against the tool's output schema, so an answer that breaks its own schema
/// fails here even where the official C# client accepts it, and (with --strict) reports schemas that other clients could
/// not map.
/// </summary>
public sealed class McpInspectorTests : IDisposable
{
    private const string Prompt = "Wide shot of a red fox crossing a snowy road at night under a sodium street lamp";

    private readonly string _directory = Directory.CreateTempSubdirectory("spg-mcp-inspector-").FullName;

    private string Home => Directory.CreateDirectory(Path.Combine(_directory, "home")).FullName;

    private Dictionary<string, string> AppSettings => new()
    {
        ["LLM_MODE"] = "offline",
        ["LOG_DIR"] = Path.Combine(_directory, "logs"),
        ["Database__SqlitePath"] = Path.Combine(_directory, "app.db"),
    };

    [Fact]
    public async Task OverHttp_ListsTheToolsAndCallsLintPromptAndListTargets()
    {
        var port = AppProcess.FreePort();
        var settings = AppSettings;
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        await using var app = AppProcess.StartBuilt(port, settings);
        await app.WaitForHealthAsync(TimeSpan.FromSeconds(60));
        var url = $"http://127.0.0.1:{port}/mcp";

        await AssertAnswersAsync([url]);
    }

    [Fact]
    public async Task OverStdio_ListsTheToolsAndCallsLintPromptAndListTargets()
    {
        var server = new List<string>();
        foreach (var (name, value) in AppSettings.Append(new("DOTNET_NOLOGO", "1")))
        {
            server.AddRange(["-e", $"{name}={value}"]);
        }

        server.AddRange(["--cwd", _directory, "dotnet", AppProcess.AppDll, "mcp"]);

        await AssertAnswersAsync([.. server]);
    }

    private async Task AssertAnswersAsync(string[] server)
    {
        var listed = await McpInspector.RunAsync(Home, [.. server, "--method", "tools/list", "--strict"]);
        var tools = listed.Result.GetProperty("tools");
        Assert.DoesNotContain("Warning: tool", listed.Error, StringComparison.Ordinal);
        Assert.Equal(McpHttpTests.ToolNames, tools.EnumerateArray().Select(t => t.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        var lintTarget = tools.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "lint_prompt")
            .GetProperty("inputSchema").GetProperty("properties").GetProperty("target");
        Assert.Contains("veo-3.1", lintTarget.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));

        var linted = (await McpInspector.RunAsync(Home, [.. server, "--method", "tools/call", "--tool-name", "lint_prompt", "--tool-arg", "prompt=" + Prompt, "--tool-arg", "target=veo-3.1"])).Result;
        Assert.False(linted.TryGetProperty("isError", out var lintError) && lintError.GetBoolean(), linted.ToString());
        var report = linted.GetProperty("structuredContent");
        Assert.InRange(report.GetProperty("score").GetInt32(), 0, 100);
        Assert.Equal("veo-3.1", report.GetProperty("target").GetString());
        Assert.Equal("offline", report.GetProperty("engine").GetString());
        Assert.StartsWith($"Score {report.GetProperty("score").GetInt32()}/100", linted.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);

        var targets = (await McpInspector.RunAsync(Home, [.. server, "--method", "tools/call", "--tool-name", "list_targets"])).Result;
        Assert.Equal(
            TargetCatalog.LoadEmbedded().Ids,
            targets.GetProperty("structuredContent").GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Contains("- sora-2: Sora 2 (", targets.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
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
}
