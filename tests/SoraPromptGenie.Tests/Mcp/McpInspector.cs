using System.Diagnostics;
using System.Text.Json;
using SoraPromptGenie.Tests.Data;
using SoraPromptGenie.Tests.Processes;

namespace SoraPromptGenie.Tests.Mcp;

/// <summary>
/// The MCP Inspector's CLI (npm <c>@modelcontextprotocol/inspector</c>, a client written by the MCP project, not here) as
/// scripts/mcp-inspector.sh installs it: in <c>MCP_INSPECTOR_DIR</c>, else <c>.tools/mcp-inspector</c>. Missing node or
/// a missing package fails the test that needs it with the command that installs it; it never skips.
/// </summary>
internal static class McpInspector
{
    public const string Version = "2.12.0";

    public static string Directory { get; } = Environment.GetEnvironmentVariable("MCP_INSPECTOR_DIR") is { Length: > 0 } dir
        ? dir
        : Path.Combine(HostProcess.RepositoryRoot, ".tools", "mcp-inspector");

    /// <summary>The output of one run, and its stdout read as the JSON object <c>--format json</c> prints.</summary>
    public sealed record Run(int ExitCode, string Output, string Error)
    {
        public JsonElement Result
        {
            get
            {
                Assert.True(ExitCode == 0, $"The inspector exited with {ExitCode}:\n{Error}\n{Output}");
                using var document = JsonDocument.Parse(Output);
                return document.RootElement.GetProperty("result").Clone();
            }
        }
    }

    /// <summary>
    /// Runs <c>node &lt;the package's mcp-inspector bin&gt; --cli --format json</c> with <paramref name="arguments"/>, in a home
    /// folder of its own (the inspector keeps its state under ~/.mcp-inspector) and without the test run's variables.
    /// </summary>
    public static async Task<Run> RunAsync(string home, params string[] arguments)
    {
        var start = new ProcessStartInfo(Node())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = home,
        };
        start.ArgumentList.Add(EntryPoint());
        start.ArgumentList.Add("--cli");
        start.ArgumentList.Add("--format");
        start.ArgumentList.Add("json");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        AppProcess.DropTestRunEnvironment(start);
        start.Environment["HOME"] = home;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The inspector did not finish within 120 s: {string.Join(' ', start.ArgumentList)}");
        }

        return new Run(process.ExitCode, await output, await error);
    }

    /// <summary>The script file of the package's <c>mcp-inspector</c> command, as its package.json names it.</summary>
    private static string EntryPoint()
    {
        var package = Path.Combine(Directory, "node_modules", "@modelcontextprotocol", "inspector");
        var manifest = Path.Combine(package, "package.json");
        Assert.True(File.Exists(manifest), $"The MCP Inspector is not installed in {Directory}. Run scripts/mcp-inspector.sh (scripts/test.sh does).");
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        Assert.Equal(Version, json.RootElement.GetProperty("version").GetString());
        return Path.Combine(package, json.RootElement.GetProperty("bin").GetProperty("mcp-inspector").GetString()!);
    }

    private static string Node()
    {
        var node = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "node"))
            .FirstOrDefault(File.Exists);
        Assert.True(node is not null, "node is not on PATH; scripts/install-deps installs it (with npm).");
        return node;
    }
}
