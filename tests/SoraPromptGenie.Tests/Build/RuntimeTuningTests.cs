using System.Text.Json;
using System.Xml.Linq;
using SoraPromptGenie.Tests.Data;

namespace SoraPromptGenie.Tests.Build;

/// <summary>
/// Every GC, JIT and thread-pool setting of the app sits in one labelled group of its project file, each under a
/// comment that says what it is for and what it measured (docs/performance.md has the settings tried and dropped).
/// </summary>
public sealed class RuntimeTuningTests
{
    private const string GroupLabel = "Runtime tuning";

    /// <summary>MSBuild properties that the SDK writes into runtimeconfig.json as GC, JIT or thread-pool settings.</summary>
    private static readonly HashSet<string> RuntimeProperties =
    [
        "ServerGarbageCollection", "ConcurrentGarbageCollection", "RetainVMGarbageCollection", "GarbageCollectionAdaptationMode",
        "TieredCompilation", "TieredCompilationQuickJit", "TieredCompilationQuickJitForLoops", "TieredPGO",
        "ThreadPoolMinThreads", "ThreadPoolMaxThreads",
    ];

    private static readonly string Root = HostProcess.RepositoryRoot;
    private static readonly string AppProject = Path.Combine(Root, "src", "SoraPromptGenie", "SoraPromptGenie.csproj");

    [Fact]
    public void BuildFiles_RuntimeSettings_OnlyInTheAppsRuntimeTuningGroupEachWithAComment()
    {
        var misplaced = BuildFiles()
            .SelectMany(file => RuntimeSettings(XDocument.Load(file, LoadOptions.None))
                .Where(setting => file != AppProject || (string?)setting.Parent?.Attribute("Label") != GroupLabel || setting.PreviousNode is not XComment)
                .Select(setting => $"{Path.GetRelativePath(Root, file)}: {Describe(setting)}"))
            .ToList();

        Assert.True(misplaced.Count == 0, $"runtime settings outside the \"{GroupLabel}\" group of the app's project, or without a comment: " + string.Join("; ", misplaced));
        Assert.NotEmpty(RuntimeSettings(XDocument.Load(AppProject)));
    }

    [Fact]
    public void Sources_RuntimeConfigTemplate_None()
    {
        var templates = Directory.EnumerateFiles(Path.Combine(Root, "src"), "runtimeconfig.template.json", SearchOption.AllDirectories).ToList();

        Assert.Empty(templates);
    }

    [Fact]
    public void BuiltApp_RuntimeConfig_CarriesServerGcAndNoThreadPoolSpinning()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(HostProcess.HostDll, ".runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
    }

    private static IEnumerable<string> BuildFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Root, "Directory.Build.*"))
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "src"), "Directory.Build.*", SearchOption.AllDirectories));

    private static IEnumerable<XElement> RuntimeSettings(XDocument project) =>
        project.Descendants().Where(e => e.Name.LocalName == "RuntimeHostConfigurationOption" || RuntimeProperties.Contains(e.Name.LocalName));

    private static string Describe(XElement setting) => (string?)setting.Attribute("Include") ?? setting.Name.LocalName;
}
