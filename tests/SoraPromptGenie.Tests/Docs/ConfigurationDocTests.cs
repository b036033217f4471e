using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Tests.Docs;

/// <summary>
/// docs/configuration.md is the single reference: every environment alias, every variable read by name and every
/// bindable property of an options class (a class with a <c>SectionName</c>) has a row, and every row names one of them.
/// </summary>
public sealed partial class ConfigurationDocTests
{
    private static readonly IReadOnlyList<DocRow> Rows = ReadRows();

    [Fact]
    public void Doc_EveryEnvironmentAlias_HasARowWithItsKey()
    {
        var missing = EnvironmentAliases.Map
            .Where(alias => !Rows.Any(r => r.Variable == alias.Variable && string.Equals(r.Key, alias.Key, StringComparison.OrdinalIgnoreCase)))
            .Select(alias => $"{alias.Variable} -> {alias.Key}")
            .ToList();

        Assert.True(missing.Count == 0, "docs/configuration.md lacks rows for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Doc_EveryVariableReadByName_HasARow()
    {
        var missing = EnvironmentAliases.ReadByName.Where(v => !Rows.Any(r => r.Variable == v)).ToList();

        Assert.True(missing.Count == 0, "docs/configuration.md lacks rows for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Doc_EveryBindableOptionsProperty_HasARow()
    {
        var missing = BindableKeys().Where(key => !Rows.Any(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase))).ToList();

        Assert.True(missing.Count == 0, "docs/configuration.md lacks rows for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Doc_EveryRow_NamesSomethingTheCodeReads()
    {
        var keys = BindableKeys().Concat(EnvironmentAliases.Map.Select(a => a.Key)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var variables = EnvironmentAliases.Map.Select(a => a.Variable).Concat(EnvironmentAliases.ReadByName).ToHashSet(StringComparer.Ordinal);
        var unknown = Rows
            .Where(r => (r.Variable is { } v && !variables.Contains(v)) || (r.Key is { } k && !keys.Contains(k)) || (r.Variable is null && r.Key is null))
            .Select(r => r.Line)
            .ToList();

        Assert.True(unknown.Count == 0, "docs/configuration.md documents settings the code does not read:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void Doc_Rows_AreFoundAtAll()
    {
        Assert.Contains(Rows, r => r.Variable == "OPENROUTER_API_KEY" && r.Key == "Llm:ApiKey");
    }

    /// <summary>Options classes of the host: public settable properties under their section (and binding name).</summary>
    private static IEnumerable<string> BindableKeys() =>
        typeof(EnvironmentAliases).Assembly.GetTypes()
            .Where(t => t.IsClass && t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true })
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true })
                .Select(p => $"{t.GetField("SectionName")!.GetRawConstantValue()}:{p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? p.Name}"));

    private static List<DocRow> ReadRows()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "configuration.md");
        var rows = new List<DocRow>();
        foreach (var line in File.ReadLines(path))
        {
            var match = Row().Match(line);
            if (!match.Success || match.Groups["first"].Value.Trim() is "variable" || match.Groups["first"].Value.StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }

            rows.Add(new DocRow(Code(match.Groups["first"].Value), Code(match.Groups["second"].Value), line));
        }

        return rows;
    }

    private static string? Code(string cell) => CodeSpan().Match(cell) is { Success: true } m ? m.Groups[1].Value : null;

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

    [GeneratedRegex(@"^\|(?<first>[^|]*)\|(?<second>[^|]*)\|")]
    private static partial Regex Row();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    private sealed record DocRow(string? Variable, string? Key, string Line);
}
