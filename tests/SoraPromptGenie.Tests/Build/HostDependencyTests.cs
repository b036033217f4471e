using System.Text.RegularExpressions;
using SoraPromptGenie.Tests.Data;

namespace SoraPromptGenie.Tests.Build;

/// <summary>
/// Handlers and services get what they use as parameters: no service lookups on the request, no per-request state in a
/// side bag. (The order between areas is <see cref="ArchitectureTests"/>'.)
/// </summary>
public sealed partial class HostDependencyTests
{
    private static readonly string Host = Path.Combine(HostProcess.RepositoryRoot, "src", "SoraPromptGenie");

    [Fact]
    public void HostSources_RequestServiceLookupsAndItems_None()
    {
        var offending = Sources(Host)
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(x => RequestStateRegex().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(Host, x.file)}:{x.index + 1}: {x.line.Trim()}")
            .ToList();

        Assert.True(offending.Count == 0, "service lookups or Items on the request:\n" + string.Join('\n', offending));
    }

    private static IEnumerable<string> Sources(string directory) =>
        Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"RequestServices\s*\.\s*Get(Required)?Service|\b(HttpContext|[Cc]ontext|http)\s*\.\s*Items\b", RegexOptions.CultureInvariant)]
    private static partial Regex RequestStateRegex();
}
