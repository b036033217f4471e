using System.Text.RegularExpressions;
using SoraPromptGenie.Core.Lint;

namespace SoraPromptGenie.Tests.Docs;

/// <summary>Every lint rule id, the Sora guide's and the target rules alike, has a row in docs/api.md's "Lint rules" tables, and no row names a rule that does not exist.</summary>
public sealed partial class LintRulesDocTests
{
    [Fact]
    public void Doc_LintRules_ListsExactlyTheRuleIds()
    {
        var ids = typeof(LintRules).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet(StringComparer.Ordinal);
        var documented = DocumentedRules();

        Assert.Contains(LintRules.TargetNegativeField, ids);
        Assert.True(documented.Count >= 11, $"only {documented.Count} rule rows under ## Lint rules");
        Assert.Empty(ids.Except(documented).Order(StringComparer.Ordinal));
        Assert.Empty(documented.Except(ids).Order(StringComparer.Ordinal));
    }

    private static HashSet<string> DocumentedRules()
    {
        var rules = new HashSet<string>(StringComparer.Ordinal);
        var inSection = false;
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot(), "docs", "api.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inSection = line == "## Lint rules";
                continue;
            }

            if (inSection && RuleRow().Match(line) is { Success: true } row)
            {
                rules.Add(row.Groups["rule"].Value);
            }
        }

        return rules;
    }

    [GeneratedRegex(@"^\|\s*`(?<rule>[a-z-]+)`\s*\|")]
    private static partial Regex RuleRow();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SoraPromptGenie.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("SoraPromptGenie.slnx not found above " + AppContext.BaseDirectory);
    }
}
