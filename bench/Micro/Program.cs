using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SoraPromptGenie.Bench.Micro;

// ShortRun in-process: a few minutes for the whole set on a shared 2-core machine, and no generated project to build
// (BenchmarkDotNet's out-of-process toolchain does not find our UseArtifactsOutput layout).
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(MemoryDiagnoser.Default);
BenchmarkSwitcher.FromAssembly(typeof(OfflineEngineBenchmarks).Assembly).Run(args, config);
