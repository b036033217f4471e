using BenchmarkDotNet.Attributes;
using SoraPromptGenie.Core.Lint;

namespace SoraPromptGenie.Bench.Micro;

[MemoryDiagnoser]
public class LintBenchmarks
{
    private readonly PromptLinter _linter = new();

    [Benchmark]
    public LintReport Lint() => _linter.Lint(Prompts.Typical);
}
