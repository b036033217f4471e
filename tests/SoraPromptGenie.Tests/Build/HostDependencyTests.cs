using System.Text.RegularExpressions;
using SoraPromptGenie.Tests.Data;

namespace SoraPromptGenie.Tests.Build;

/// <summary>
/// The host's areas depend one way (Ops &lt;- Data &lt;- Ai, Usage &lt;- Library &lt;- Prompting &lt;- Studio, Components), and
/// handlers get what they use as parameters: no service lookups on the request, no per-request state in a side bag.
/// </summary>
public sealed partial class HostDependencyTests
{
    private static readonly string Host = Path.Combine(HostProcess.RepositoryRoot, "src", "SoraPromptGenie");

    [Theory]
    [InlineData("Library", "Prompting|Studio|Components")]
    [InlineData("Prompting", "Studio|Components")]
    public void Area_Sources_ReferenceNoAreaAfterIt(string area, string later)
    {
        var reference = new Regex($@"\bSoraPromptGenie\.({later})\b", RegexOptions.CultureInvariant);

        var offending = Sources(Path.Combine(Host, area))
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(x => reference.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(Host, x.file)}:{x.index + 1}: {x.line.Trim()}")
            .ToList();

        Assert.True(offending.Count == 0, $"{area} references a later area:\n" + string.Join('\n', offending));
    }

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
