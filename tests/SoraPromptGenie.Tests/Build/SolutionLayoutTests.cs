using System.Xml.Linq;
using SoraPromptGenie.Tests.Data;

namespace SoraPromptGenie.Tests.Build;

/// <summary>
/// The benchmarks build from their own solution (bench/SoraPromptGenie.Bench.slnx, compiled once by .ci/run), so the
/// test command never builds them.
/// </summary>
public sealed class SolutionLayoutTests
{
    private static readonly string Root = HostProcess.RepositoryRoot;
    private static readonly string BenchDirectory = Path.Combine(Root, "bench");

    [Fact]
    public void MainSolution_Projects_NoneUnderBench()
    {
        var projects = SolutionProjects(Path.Combine(Root, "SoraPromptGenie.slnx"));

        Assert.NotEmpty(projects);
        Assert.DoesNotContain(projects, IsUnderBench);
    }

    [Fact]
    public void MainSolutionProjects_ProjectReferences_NoneUnderBench()
    {
        var references = SolutionProjects(Path.Combine(Root, "SoraPromptGenie.slnx"))
            .SelectMany(project => ProjectReferences(project).Select(reference => $"{Relative(project)} -> {Relative(reference)}"))
            .Where(line => line.Contains("-> bench/", StringComparison.Ordinal))
            .ToList();

        Assert.True(references.Count == 0, "projects of the main solution reference benchmarks: " + string.Join(", ", references));
    }

    [Fact]
    public void BenchSolution_Projects_AreEveryProjectUnderBench()
    {
        var onDisk = Directory.EnumerateFiles(BenchDirectory, "*.csproj", SearchOption.AllDirectories).Select(Relative).Order();

        var listed = SolutionProjects(Path.Combine(BenchDirectory, "SoraPromptGenie.Bench.slnx")).Select(Relative).Order();

        Assert.Equal(onDisk, listed);
    }

    private static bool IsUnderBench(string path) =>
        path.StartsWith(BenchDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static List<string> SolutionProjects(string solution) =>
        XDocument.Load(solution).Descendants("Project")
            .Select(p => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(solution)!, (string)p.Attribute("Path")!)))
            .ToList();

    private static IEnumerable<string> ProjectReferences(string project) =>
        XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, ((string)r.Attribute("Include")!).Replace('\\', '/'))));

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');
}
