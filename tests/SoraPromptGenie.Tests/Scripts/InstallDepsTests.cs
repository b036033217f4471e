using System.Runtime.Versioning;
using SoraPromptGenie.Tests.Data;

namespace SoraPromptGenie.Tests.Scripts;

/// <summary>
/// scripts/install-deps and the README's test command on a machine that lacks tools: a PATH of stand-ins where each
/// tool is present or not, and an apt-get and npm that only record what they were asked to install.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class InstallDepsTests : IDisposable
{
    private static readonly string[] Tools =
        ["psql", "redis-server", "chromium", "nginx", "wrk", "envsubst", "curl", "openssl", "python3", "systemd-analyze", "npm", "pm2"];

    private readonly string _bin = Directory.CreateTempSubdirectory("spg-install-deps-").FullName;

    private string Calls => Path.Combine(_bin, "calls.log");

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    [Fact]
    public async Task EverythingPresent_InstallsNothing()
    {
        Provide(Tools);

        var result = await RunAsync("scripts/install-deps", uid: 0);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.False(File.Exists(Calls), File.Exists(Calls) ? File.ReadAllText(Calls) : string.Empty);
    }

    [Fact]
    public async Task AsRoot_InstallsExactlyTheMissingPackagesAndPm2()
    {
        Provide(Tools.Except(["chromium", "wrk", "envsubst", "pm2"]));
        File.Delete(Path.Combine(_bin, "pg", "initdb"));

        var result = await RunAsync("scripts/install-deps", uid: 0);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal(
            ["apt-get update -qq", "apt-get install -y -qq postgresql-15 chromium wrk gettext-base", "npm install -g pm2"],
            File.ReadAllLines(Calls));
    }

    [Fact]
    public async Task NotRoot_PrintsTheCommandToRunAndInstallsNothing()
    {
        Provide(Tools.Except(["chromium"]));

        var result = await RunAsync("scripts/install-deps", uid: 1000);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("install-deps: missing chromium;", result.Error, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(HostProcess.RepositoryRoot, "scripts", "install-deps"), result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Calls));
    }

    [Fact]
    public async Task TestCommand_ToolsMissingNotRoot_StopsFirstWithTheCommandToRun()
    {
        Provide(Tools.Except(["redis-server", "chromium"]));

        var result = await RunAsync("scripts/test.sh", uid: 1000);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("install-deps: missing redis-server chromium;", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("PostgreSQL", result.Output + result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Calls));
    }

    private void Provide(IEnumerable<string> tools)
    {
        Directory.CreateDirectory(Path.Combine(_bin, "pg"));
        Script(Path.Combine(_bin, "pg", "initdb"), "exit 0");
        foreach (var tool in tools)
        {
            Script(Path.Combine(_bin, tool), "exit 0");
        }

        Script(Path.Combine(_bin, "apt-get"), $"echo \"apt-get $*\" >> {Calls}");
        if (!tools.Contains("npm"))
        {
            return;
        }

        Script(Path.Combine(_bin, "npm"), $"echo \"npm $*\" >> {Calls}");
    }

    private Task<HostProcess.Result> RunAsync(string script, int uid)
    {
        Script(Path.Combine(_bin, "id"), $"echo {uid}");
        Link("dirname");
        Link("bash");

        // Whatever a script gets to, it must never reach the throwaway servers on their usual ports.
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = _bin,
            ["PGBIN"] = Path.Combine(_bin, "pg"),
            ["PGPORT"] = "1",
            ["PGDATA_DIR"] = Path.Combine(_bin, "pgdata"),
            ["REDIS_PORT"] = "1",
        };
        return HostProcess.RunAsync("/bin/bash", [Path.Combine(HostProcess.RepositoryRoot, script)], environment, TimeSpan.FromSeconds(60));
    }

    private void Link(string tool)
    {
        var link = Path.Combine(_bin, tool);
        if (!File.Exists(link))
        {
            File.CreateSymbolicLink(link, Path.Combine("/usr/bin", tool));
        }
    }

    private static void Script(string path, string body)
    {
        File.WriteAllText(path, $"#!/bin/bash\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
