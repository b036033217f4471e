using BenchmarkDotNet.Attributes;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Offline;

namespace SoraPromptGenie.Bench.Micro;

/// <summary>Each offline operation on a typical prompt; the budget is 100 µs per operation.</summary>
[MemoryDiagnoser]
public class OfflineEngineBenchmarks
{
    private static readonly PromptCatalog Catalog = PromptCatalog.LoadEmbedded();

    private readonly OfflinePromptEngine _engine = new(Catalog);
    private readonly EnhancementSpec[] _one = [new("Golden hour", "Warm low sun raking across the scene with long soft shadows.", "lighting")];
    private readonly EnhancementSpec[] _four =
    [
        new("Low angle", "Camera near the floor looking up at the subject.", "camera-angles"),
        new("Golden hour", "Warm low sun raking across the scene with long soft shadows.", "lighting"),
        new("Melancholic", "Quiet, wistful tone with slow pacing.", "mood"),
        new("Film noir", "High-contrast monochrome with hard shadows.", "style"),
    ];

    private SuggestionRequest _suggest = null!;

    [GlobalSetup]
    public void Setup() => _suggest = new SuggestionRequest(Catalog.FindCategory("lighting")!, 8, Prompts.Typical);

    [Benchmark]
    public string Enhance() => _engine.Enhance(Prompts.Typical, _one);

    [Benchmark]
    public string MergeFour() => _engine.Enhance(Prompts.Typical, _four);

    [Benchmark]
    public IReadOnlyList<Suggestion> Suggest() => _engine.Suggest(_suggest);

    [Benchmark]
    public string Expand() => _engine.Expand(Prompts.BasicIdea);

    [Benchmark]
    public string Structure() => _engine.Structure(Prompts.Typical);
}
