using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

// Not ".Process": a namespace of that name would hide System.Diagnostics.Process from every other test namespace.
namespace SoraPromptGenie.Tests.Processes;

/// <summary>The app as a separate OS process, started as an operator would, with its output captured.</summary>
internal sealed class AppProcess : IAsyncDisposable
{
    // Variables of the test run that must not leak into the app: the test host's own MSBuild/VSTest settings and any
    // operator configuration of the machine the tests run on.
    private static readonly string[] InheritedPrefixesToDrop =
        ["MSBUILD", "VSTEST", "ASPNETCORE_", "OPENROUTER_", "LLM_", "LOG_", "RATE_LIMIT_", "SITE_URL", "ALLOWED_ORIGINS", "TRUSTED_PROXIES", "DATABASE_URL", "REDIS_URL", "SENTRY_", "PORT", "MCP_"];

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private AppProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
    }

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string AppDll { get; } = Path.Combine(RepoRoot, "artifacts", "bin", "SoraPromptGenie", "debug", "SoraPromptGenie.dll");

    public int Port { get; }

    public Uri BaseUrl { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary><c>dotnet run --project src/SoraPromptGenie</c> from the repository root, as the README says.</summary>
    public static AppProcess StartDotnetRun(int port, IReadOnlyDictionary<string, string> environment) =>
        Start(["run", "--project", "src/SoraPromptGenie"], RepoRoot, port, environment);

    /// <summary>The built app directly (what a process manager runs), Production unless the environment says otherwise.</summary>
    public static AppProcess StartBuilt(int port, IReadOnlyDictionary<string, string> environment)
    {
        var withEnvironment = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        withEnvironment.TryAdd("ASPNETCORE_ENVIRONMENT", "Production");
        return Start([AppDll], RepoRoot, port, withEnvironment);
    }

    /// <summary><c>dotnet &lt;publish folder&gt;/SoraPromptGenie.dll</c> from the given working directory, Production unless the environment says otherwise.</summary>
    public static AppProcess StartPublished(string publishFolder, string workingDirectory, int port, IReadOnlyDictionary<string, string> environment)
    {
        var withEnvironment = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        withEnvironment.TryAdd("ASPNETCORE_ENVIRONMENT", "Production");
        return Start([Path.Combine(publishFolder, "SoraPromptGenie.dll")], workingDirectory, port, withEnvironment);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until /api/health answers 200; fails with the app's output if it exits or takes too long.</summary>
    public async Task WaitForHealthAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"The app exited with {_process.ExitCode} before it was healthy:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but busy starting.
            }

            await Task.Delay(250);
        }

        Assert.Fail($"The app was not healthy within {timeout}:\n{Output}");
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public static void SendSigterm(int processId)
    {
        using var kill = Process.Start("kill", ["-TERM", processId.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>The app process that <c>dotnet run</c> started: its child whose command line is the built app.</summary>
    public int FindAppChild()
    {
        var marker = Path.Combine("artifacts", "bin", "SoraPromptGenie", "debug", "SoraPromptGenie");
        foreach (var child in Children(_process.Id))
        {
            var commandLine = ReadCommandLine(child);
            if (commandLine.Contains(marker, StringComparison.Ordinal) && !commandLine.Contains("MSBuild", StringComparison.OrdinalIgnoreCase))
            {
                return child;
            }
        }

        Assert.Fail($"No app process among the children of dotnet run ({_process.Id}).");
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static AppProcess Start(IReadOnlyList<string> arguments, string workingDirectory, int port, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        DropTestRunEnvironment(start);
        start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, port);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Removes the test run's own variables from a child's environment; no build server outlives the child.</summary>
    public static void DropTestRunEnvironment(ProcessStartInfo start)
    {
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (InheritedPrefixesToDrop.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
    }

    private static IEnumerable<int> Children(int processId)
    {
        var tasks = new DirectoryInfo($"/proc/{processId}/task");
        if (!tasks.Exists)
        {
            yield break;
        }

        foreach (var task in tasks.EnumerateDirectories())
        {
            string children;
            try
            {
                children = File.ReadAllText(Path.Combine(task.FullName, "children"));
            }
            catch (IOException)
            {
                continue;
            }

            foreach (var child in children.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return int.Parse(child, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    private static string ReadCommandLine(int processId)
    {
        try
        {
            return File.ReadAllText($"/proc/{processId}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SoraPromptGenie.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"SoraPromptGenie.slnx not found above {AppContext.BaseDirectory}.");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
        }
    }
}
