using System.Runtime.CompilerServices;
using Bunit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Offline;
using SoraPromptGenie.Core.Lint;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Data;
using SoraPromptGenie.Library;
using SoraPromptGenie.Ops.RateLimiting;
using SoraPromptGenie.Prompting;
using SoraPromptGenie.Studio;

namespace SoraPromptGenie.Tests.Studio;

/// <summary>
/// The studio's real services over the deterministic offline engine (wrapped so tests can count calls or make them
/// fail), with browser interop in loose mode: the components under test never need an answer from JavaScript.
/// </summary>
public abstract class StudioTestContext : BunitContext
{
    protected StudioTestContext(string aiLimit = "1000/900")
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Catalog = PromptCatalog.LoadEmbedded();
        Engine = new ScriptedEngine(new OfflinePromptEngine(Catalog));
        Services.AddSingleton(Catalog);
        Services.AddSingleton<IPromptEngine>(Engine);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(new PromptInput(Options.Create(new PromptLimitsOptions())));
        Services.AddSingleton<PromptStudio>();
        Services.AddSingleton<PromptLinter>();
        Services.AddSingleton(TargetCatalog.LoadEmbedded());
        Services.AddSingleton<VideoRequestBuilder>();
        Services.AddSingleton<IRateLimitCounterStore, MemoryRateLimitCounterStore>();
        Services.AddSingleton<WindowCounter>();
        Services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        Services.AddSingleton(Options.Create(new RateLimitingOptions { Ai = aiLimit }));
        Services.AddSingleton<ClientRateLimiter>();
        Services.AddScoped<CircuitClient>();
        Services.AddScoped<StudioSession>();
        Services.AddScoped<IPromptEditor, StudioPromptEditor>();
        Services.AddScoped<TargetSelection>();

        // The library panel sits in the studio page; signed out it never touches this (unopened) database.
        Services.AddScoped<AppDbContext>(_ => new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options));
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddScoped<LibraryService>();
        Services.AddScoped<CircuitWorkspace>();
        Services.AddScoped<LibrarySession>();
    }

    protected PromptCatalog Catalog { get; }

    protected ScriptedEngine Engine { get; }

    protected StudioSession Session => Services.GetRequiredService<StudioSession>();
}

/// <summary>Counts calls to the offline engine and can be told to fail the next ones as the LLM would.</summary>
public sealed class ScriptedEngine(IPromptEngine inner) : IPromptEngine
{
    public int Calls { get; private set; }

    public List<(string Prompt, IReadOnlyList<EnhancementSpec> Enhancements, IReadOnlyList<EnhancementSpec> Removing)> Enhancements { get; } = [];

    /// <summary>The target each call was written for (null: none).</summary>
    public List<string?> Targets { get; } = [];

    public UpstreamException? Failure { get; set; }

    public string? FallbackReason { get; set; }

    /// <summary>Once set, a stream waits after each delta until this completes, as a slow model would.</summary>
    public TaskCompletionSource? HoldAfterFirstDelta { get; set; }

    /// <summary>Thrown by a stream after its first delta, as a connection cut mid-answer would.</summary>
    public UpstreamException? MidStreamFailure { get; set; }

    /// <summary>Once set, auto-generate answers this text as a model would, instead of the offline engine's shot.</summary>
    public string? ExpandAnswer { get; set; }

    public async Task<TResult> RunAsync<TResult>(EngineOperation<TResult> operation, CancellationToken cancellationToken)
        where TResult : EngineResult
    {
        Count(operation);
        var result = await inner.RunAsync(operation, cancellationToken);
        return (TResult)(result with { FallbackReason = FallbackReason });
    }

    public async IAsyncEnumerable<EngineStreamChunk> StreamAsync(
        TextOperation operation, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Count(operation);
        if (operation is TextOperation.Expand && ExpandAnswer is { } answer)
        {
            yield return new EngineStreamChunk(answer);
            yield return new EngineStreamChunk(string.Empty, new EngineText(answer, EngineLabels.Llm("openrouter", "scripted-model")));
            yield break;
        }

        await foreach (var chunk in inner.StreamAsync(operation, cancellationToken))
        {
            yield return chunk.Final is { } final ? chunk with { Final = Mark(final) } : chunk;
            if (MidStreamFailure is { } failure && chunk.Delta.Length > 0)
            {
                throw failure;
            }

            if (HoldAfterFirstDelta is { } hold && chunk.Delta.Length > 0)
            {
                await hold.Task.WaitAsync(cancellationToken);
            }
        }
    }

    private void Count(EngineOperation operation)
    {
        Calls++;
        Targets.Add(operation.Target?.Id);
        if (Failure is { } failure)
        {
            throw failure;
        }

        if (operation is TextOperation.Enhance enhance)
        {
            Enhancements.Add((enhance.CurrentPrompt, enhance.Enhancements, enhance.Removing));
        }
    }

    private EngineText Mark(EngineText text) => text with { FallbackReason = FallbackReason };
}
