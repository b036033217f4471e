using System.Net;
using System.Text.RegularExpressions;
using SoraPromptGenie.Tests.Ops.Logging;

// Not ".Process": a namespace of that name would hide System.Diagnostics.Process from every other test namespace.
namespace SoraPromptGenie.Tests.Processes;

/// <summary>The published app started the way an operator might: <c>dotnet /path/to/publish/SoraPromptGenie.dll</c> from another folder.</summary>
public sealed partial class PublishedAppTests(PublishedApp published) : IClassFixture<PublishedApp>, IDisposable
{
    // The studio's components import this module at run time; the page's HTML does not name it.
    private const string ImportedModule = "js/studio.js";

    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("spg-elsewhere-").FullName;

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    [Fact]
    public async Task StartedFromAnotherFolder_EveryScriptAndStylesheetOfTheStudioHasABody()
    {
        await using var app = AppProcess.StartPublished(published.Folder, _workingDirectory, AppProcess.FreePort(), Offline());
        await app.WaitForHealthAsync(TimeSpan.FromMinutes(1));
        using var client = new HttpClient { BaseAddress = app.BaseUrl };

        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var assets = ReferencedAssets(page).Append(ImportedModule).ToList();
        var empty = new List<string>();
        foreach (var asset in assets)
        {
            using var response = await client.GetAsync(new Uri(new Uri(app.BaseUrl, "/"), asset));
            var body = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
            {
                empty.Add($"{asset}: {(int)response.StatusCode}, {body.Length} bytes");
            }
        }

        Assert.Contains("_framework/blazor.web.js", assets);
        Assert.Contains(assets, a => a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("js/theme.", StringComparison.Ordinal));
        Assert.True(empty.Count == 0, "assets without a body:\n" + string.Join('\n', empty));
    }

    [Fact]
    public async Task StartedFromAnotherFolder_SqliteFileAndLogsGoUnderThePublishFolder()
    {
        await using var app = AppProcess.StartPublished(published.Folder, _workingDirectory, AppProcess.FreePort(), Offline());
        await app.WaitForHealthAsync(TimeSpan.FromMinutes(1));
        AppProcess.SendSigterm(app.ProcessId);
        Assert.True(await app.WaitForExitAsync(TimeSpan.FromSeconds(15)), app.Output);

        Assert.Empty(Directory.EnumerateFileSystemEntries(_workingDirectory));
        Assert.True(File.Exists(Path.Combine(published.Folder, "data", "sora-prompt-genie.db")), app.Output);
        Assert.Matches(@"GET /api/health 200 in \d+ms", LogFiles.Read(Path.Combine(published.Folder, "logs", "combined.log")));
    }

    // No LOG_DIR and no SQLite path: the documented defaults, relative to the content root.
    private static Dictionary<string, string> Offline() => new(StringComparer.Ordinal) { ["LLM_MODE"] = "offline" };

    private static IEnumerable<string> ReferencedAssets(string html) =>
        AssetReference().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value));

    [GeneratedRegex("""<(?:script\b[^>]*\bsrc|link\b[^>]*\bhref)="(?<url>[^"]+)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex AssetReference();
}
