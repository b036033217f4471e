using System.Diagnostics;

namespace SoraPromptGenie.Tests.Data;

/// <summary>Runs the built host (<c>dotnet SoraPromptGenie.dll ...</c>) or a repository script as a separate process.</summary>
public static class HostProcess
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string HostDll => typeof(Program).Assembly.Location;

    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>The host in Production with the offline engine, its logs in a temp folder, plus <paramref name="environment"/>.</summary>
    public static Task<Result> RunHostAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["LLM_MODE"] = "offline",
            ["LOG_DIR"] = Path.Combine(Path.GetTempPath(), "spg-host-logs"),
        };
        foreach (var (key, value) in environment)
        {
            settings[key] = value;
        }

        return RunAsync("dotnet", [HostDll, .. arguments], settings, TimeSpan.FromSeconds(90));
    }

    public static Task<Result> RunScriptAsync(string script, IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        RunAsync("bash", [Path.Combine(RepositoryRoot, script), .. arguments], environment, TimeSpan.FromSeconds(60));

    public static async Task<Result> RunAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "DATABASE_URL", "ADMIN_TOKEN", "OPENROUTER_API_KEY" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not exit within {timeout.TotalSeconds} s.");
        }

        return new Result(process.ExitCode, await output, await error);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SoraPromptGenie.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SoraPromptGenie.slnx not found above the test output folder.");
    }
}
