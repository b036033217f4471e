using System.Diagnostics;

// Not ".Process": a namespace of that name would hide System.Diagnostics.Process from every other test namespace.
namespace SoraPromptGenie.Tests.Processes;

/// <summary>
/// The app as <c>scripts/publish</c> writes it for PM2 and systemd. It is built in its own artifacts folder: a
/// publish for linux-x64 restores the project anew, which must not race the debug build the other tests run from.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    private static readonly TimeSpan PublishBudget = TimeSpan.FromMinutes(10);

    private readonly string _root = Directory.CreateTempSubdirectory("spg-published-").FullName;

    public string Folder => Path.Combine(_root, "publish");

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = AppProcess.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "scripts/publish", Folder, "--artifacts-path", Path.Combine(_root, "build") })
        {
            start.ArgumentList.Add(argument);
        }

        AppProcess.DropTestRunEnvironment(start);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(PublishBudget);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/publish did not finish within {PublishBudget}.");
        }

        if (process.ExitCode != 0 || !File.Exists(Path.Combine(Folder, "SoraPromptGenie.dll")))
        {
            throw new InvalidOperationException($"scripts/publish exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}
