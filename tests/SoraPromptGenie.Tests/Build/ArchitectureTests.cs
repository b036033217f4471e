using System.Text.RegularExpressions;
using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Tests.Data;

namespace SoraPromptGenie.Tests.Build;

/// <summary>
/// The dependency order docs/architecture.md describes, checked on the compiled assemblies: an area of the app may use
/// only the areas before it, no two areas or Core namespaces reference each other in a cycle, and Core stays free of
/// ASP.NET Core and EF Core.
/// </summary>
public sealed partial class ArchitectureTests
{
    /// <summary>The app's areas, each allowed to use only those before it. Keep in step with docs/architecture.md.</summary>
    public static readonly IReadOnlyList<string> AreaOrder =
        ["Ops", "Data", "Usage", "Ai", "Library", "Prompting", "Storyboards", "Studio", "Mcp", "Components"];

    private const string AppNamespace = "SoraPromptGenie";
    private const string CoreNamespace = "SoraPromptGenie.Core";
    private static readonly System.Reflection.Assembly AppAssembly = typeof(Program).Assembly;
    private static readonly System.Reflection.Assembly CoreAssembly = typeof(PromptCatalog).Assembly;
    private static readonly Architecture Architecture = new ArchLoader().LoadAssemblies(AppAssembly, CoreAssembly).Build();

    [Fact]
    public void AreaReferences_PointOnlyToEarlierAreas()
    {
        var violations = AreaReferences()
            .Where(reference => Rank(reference.To) > Rank(reference.From))
            .Select(reference => $"{reference.From} -> {reference.To} ({reference.SourceType} uses {reference.TargetType})")
            .Distinct()
            .Order()
            .ToList();

        Assert.True(violations.Count == 0,
            $"references against the order {string.Join(" <- ", AreaOrder)}:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void AppAreas_EveryNamespaceBelongsToAKnownArea()
    {
        var unknown = AppTypes()
            .Select(type => AreaOf(type.Namespace?.FullName))
            .OfType<string>()
            .Where(area => !AreaOrder.Contains(area))
            .Distinct()
            .ToList();

        Assert.True(unknown.Count == 0,
            "areas missing from the order (add them to docs/architecture.md and AreaOrder): " + string.Join(", ", unknown));
    }

    [Fact]
    public void AreaGraph_SeesTheReferencesTheCodeMakes()
    {
        // Guards the checks above against a loader that sees no dependencies: these references are part of the design.
        var edges = AreaReferences().Select(reference => (reference.From, reference.To)).ToHashSet();

        Assert.Contains(("Data", "Ops"), edges);
        Assert.Contains(("Library", "Data"), edges);
        Assert.Contains(("Usage", "Data"), edges);
        Assert.Contains(("Studio", "Prompting"), edges);
    }

    [Fact]
    public void AppAreas_AreFreeOfCycles()
    {
        var cycles = Cycles(AreaReferences());

        Assert.True(cycles.Count == 0, "areas that reference each other:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void CoreNamespaces_AreFreeOfCycles()
    {
        var cycles = Cycles(References(CoreAssembly, CoreNamespace));

        Assert.True(cycles.Count == 0, "Core namespaces that reference each other:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void Cycles_OfAThreeAreaRing_AreFound()
    {
        var ring = new[]
        {
            new AreaReference("Library", "Prompting", "L", "P"),
            new AreaReference("Prompting", "Studio", "P", "S"),
            new AreaReference("Studio", "Library", "S", "L"),
            new AreaReference("Studio", "Ops", "S", "O"),
        };

        Assert.Equal(["Library -> Prompting -> Studio -> Library"], Cycles(ring));
    }

    [Fact]
    public void Core_ReferencesNeitherAspNetCoreNorEntityFramework()
    {
        var forbidden = new[] { "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore" };

        var assemblies = CoreAssembly.GetReferencedAssemblies()
            .Select(name => name.Name ?? "")
            .Where(name => forbidden.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));
        var types = Architecture.Types
            .Where(type => type.Assembly?.FullName == CoreAssembly.FullName)
            .SelectMany(type => type.Dependencies.Select(dependency => (Source: type.FullName, Target: dependency.Target.FullName)))
            .Where(pair => forbidden.Any(prefix => pair.Target.StartsWith(prefix, StringComparison.Ordinal)))
            .Select(pair => $"{pair.Source} uses {pair.Target}");

        var violations = assemblies.Concat(types).Distinct().ToList();
        Assert.True(violations.Count == 0, "Core depends on the web or data stack:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void SourceFiles_DeclareTheNamespaceOfTheirAreaFolder()
    {
        var appDirectory = Path.Combine(HostProcess.RepositoryRoot, "src", AppNamespace);
        var mismatches = AreaOrder
            .Where(area => Directory.Exists(Path.Combine(appDirectory, area)))
            .SelectMany(area => Directory.EnumerateFiles(Path.Combine(appDirectory, area), "*.cs", SearchOption.AllDirectories)
                .Select(file => (Area: area, File: file, Namespace: NamespaceDeclaration().Match(File.ReadAllText(file)))))
            .Where(entry => entry.Namespace.Success && AreaOf(entry.Namespace.Groups[1].Value) != entry.Area)
            .Select(entry => $"{Path.GetRelativePath(appDirectory, entry.File)} declares {entry.Namespace.Groups[1].Value}")
            .ToList();

        Assert.True(mismatches.Count == 0, "files outside their area's namespace:\n" + string.Join("\n", mismatches));
    }

    private sealed record AreaReference(string From, string To, string SourceType, string TargetType);

    private static IEnumerable<IType> AppTypes() =>
        Architecture.Types.Where(type => type.Assembly?.FullName == AppAssembly.FullName);

    private static IEnumerable<AreaReference> AreaReferences() => References(AppAssembly, AppNamespace);

    private static IEnumerable<AreaReference> References(System.Reflection.Assembly assembly, string root) =>
        from type in Architecture.Types
        where type.Assembly?.FullName == assembly.FullName
        let source = AreaOf(type.Namespace?.FullName, root)
        where source is not null
        from dependency in type.Dependencies
        where dependency.Target.Assembly?.FullName == assembly.FullName
        let target = AreaOf(dependency.Target.Namespace?.FullName, root)
        where target is not null && target != source
        select new AreaReference(source, target, type.FullName, dependency.Target.FullName);

    /// <summary>Every ring of areas that reach each other, written from its alphabetically first area.</summary>
    private static List<string> Cycles(IEnumerable<AreaReference> references)
    {
        var edges = references.GroupBy(r => r.From).ToDictionary(g => g.Key, g => g.Select(r => r.To).Distinct().Order().ToList());
        var cycles = new List<string>();

        void Walk(string start, string node, List<string> path)
        {
            foreach (var next in edges.GetValueOrDefault(node) ?? [])
            {
                if (next == start)
                {
                    cycles.Add(string.Join(" -> ", path.Append(start)));
                }
                else if (!path.Contains(next) && string.CompareOrdinal(next, start) > 0)
                {
                    Walk(start, next, [.. path, next]);
                }
            }
        }

        foreach (var start in edges.Keys.Order(StringComparer.Ordinal))
        {
            Walk(start, start, [start]);
        }

        return cycles;
    }

    /// <summary>The area a namespace belongs to: its first segment after the root, if any.</summary>
    private static string? AreaOf(string? @namespace, string root = AppNamespace)
    {
        if (@namespace is null || !@namespace.StartsWith(root + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = @namespace[(root.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private static int Rank(string area)
    {
        var index = AreaOrder.ToList().IndexOf(area);
        return index < 0 ? int.MaxValue : index;
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();
}
