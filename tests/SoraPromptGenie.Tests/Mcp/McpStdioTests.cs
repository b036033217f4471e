using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol.Client;
using SoraPromptGenie.Tests.Processes;

namespace SoraPromptGenie.Tests.Mcp;

/// <summary><c>dotnet SoraPromptGenie.dll mcp</c>: the same tools over stdio, with stdout left to the protocol.</summary>
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
    public async Task StdioClient_ListsToolsAndCallsThemOnTheBuiltApp()
    {
        var errors = new List<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = "dotnet",
            Arguments = [AppProcess.AppDll, "mcp"],
            WorkingDirectory = _directory,
            EnvironmentVariables = Environment,
            StandardErrorLines = line => { lock (errors) { errors.Add(line); } },
        });
        await using (var client = await McpClient.CreateAsync(transport))
        {
            var tools = await client.ListToolsAsync();
            Assert.Equal(McpHttpTests.ToolNames, tools.Select(t => t.Name).Order(StringComparer.Ordinal));

            var expanded = await client.CallToolAsync("expand_idea", new Dictionary<string, object?> { ["idea"] = "a lighthouse keeper feeding gulls at dawn" });
            Assert.Equal("offline", McpTestClient.Structured(expanded).GetProperty("engine").GetString());

            var invalid = McpTestClient.Error(await client.CallToolAsync("lint_prompt", new Dictionary<string, object?> { ["prompt"] = "a shot", ["target"] = "nope" }));
            Assert.Equal("validation_failed", invalid.Code);
            Assert.StartsWith("00-", invalid.RequestId, StringComparison.Ordinal);
        }

        lock (errors)
        {
            Assert.Contains(errors, line => line.Contains("MCP tool expand_idea answered ok", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Stdout_CarriesOnlyProtocol_AndTheServerExitsWithZeroWhenStdinCloses()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppProcess.AppDll);
        start.ArgumentList.Add("mcp");
        AppProcess.DropTestRunEnvironment(start);
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

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
