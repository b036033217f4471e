using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SoraPromptGenie.Ai;
using SoraPromptGenie.Core.Engines;

namespace SoraPromptGenie.Tests.Infrastructure;

/// <summary>
/// An <see cref="AppFactory"/> with settings given at construction, so one test can run several differently configured
/// instances (for example two instances sharing one Redis). It records every LLM call record the app produces.
/// </summary>
public sealed class SettingsAppFactory(IReadOnlyDictionary<string, string?> overrides) : AppFactory(overrides)
{
    public ConcurrentQueue<LlmCallRecord> Calls { get; } = new();

    /// <summary>Creates and starts an instance (its fake upstream included).</summary>
    public static async Task<SettingsAppFactory> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var factory = new SettingsAppFactory(settings);
        await factory.InitializeAsync();
        _ = factory.Server;
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILlmCallObserver>(sp =>
            new RecordingObserver(ActivatorUtilities.CreateInstance<LlmCallObservers>(sp), Calls)));
    }

    private sealed class RecordingObserver(ILlmCallObserver inner, ConcurrentQueue<LlmCallRecord> calls) : ILlmCallObserver
    {
        public void OnCall(LlmCallRecord record)
        {
            calls.Enqueue(record);
            inner.OnCall(record);
        }
    }
}
