using System.Runtime.Versioning;
using SoraPromptGenie.Tests.Data;

namespace SoraPromptGenie.Tests.Scripts;

/// <summary>
/// scripts/mcp-inspector.sh with an npm that only records what it was asked and writes the package's manifest: it
/// installs the pinned Inspector when it is missing or another version is there, and does nothing when it is there.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class McpInspectorScriptTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("spg-mcp-inspector-script-").FullName;

    private string Bin => Path.Combine(_root, "bin");

    private string Target => Path.Combine(_root, "inspector");

    private string Calls => Path.Combine(_root, "npm-calls.log");

    private string Manifest => Path.Combine(Target, "node_modules", "@modelcontextprotocol", "inspector", "package.json");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Missing_InstallsThePinnedVersionIntoTheFolder_ThenNothingOnTheNextRun()
    {
        ProvideNpm(writesVersion: "2.12.0");

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        Assert.Equal(
            [$"install --prefix {Target} --no-audit --no-fund --loglevel=error @modelcontextprotocol/inspector@2.12.0"],
            File.ReadAllLines(Calls));
        Assert.Equal(string.Empty, second.Output + second.Error);
    }

    [Fact]
    public async Task AnotherVersionInstalled_InstallsThePinnedOne()
    {
        ProvideNpm(writesVersion: "2.12.0");
        WriteManifest("2.11.0");

        var result = await RunAsync();

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Single(File.ReadAllLines(Calls));
    }

    [Fact]
    public async Task NpmLeavesNothing_FailsSayingSo()
    {
        ProvideNpm(writesVersion: null);

        var result = await RunAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("npm left no @modelcontextprotocol/inspector@2.12.0", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NpmMissing_FailsNamingTheScriptThatInstallsIt()
    {
        Directory.CreateDirectory(Bin);

        var result = await RunAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("npm is missing; scripts/install-deps installs it", result.Error, StringComparison.Ordinal);
    }

    private void ProvideNpm(string? writesVersion)
    {
        Directory.CreateDirectory(Bin);
        var write = writesVersion is null
            ? string.Empty
            : $"mkdir -p {Path.GetDirectoryName(Manifest)} && echo '{{\"name\":\"@modelcontextprotocol/inspector\",\"version\":\"{writesVersion}\"}}' > {Manifest}";
        var npm = Path.Combine(Bin, "npm");
        File.WriteAllText(npm, $"#!/bin/bash\necho \"$*\" >> {Calls}\n{write}\n");
        File.SetUnixFileMode(npm, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private void WriteManifest(string version)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Manifest)!);
        File.WriteAllText(Manifest, $"{{\"name\":\"@modelcontextprotocol/inspector\",\"version\":\"{version}\"}}");
    }

    private Task<HostProcess.Result> RunAsync()
    {
        foreach (var tool in new[] { "bash", "dirname", "mkdir", "node" })
        {
            var link = Path.Combine(Bin, tool);
            if (!File.Exists(link))
            {
                File.CreateSymbolicLink(link, Path.Combine("/usr/bin", tool));
            }
        }

        var environment = new Dictionary<string, string?> { ["PATH"] = Bin, ["MCP_INSPECTOR_DIR"] = Target };
        return HostProcess.RunAsync("/bin/bash", [Path.Combine(HostProcess.RepositoryRoot, "scripts", "mcp-inspector.sh")], environment, TimeSpan.FromSeconds(60));
    }
}
