using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops;

/// <summary>An engine with a bug: every operation throws an unexpected exception carrying internal detail.</summary>
public sealed class FaultyEngineAppFactory : AppFactory
{
    public const string InternalDetail = "connection string Host=db.internal;Password=hunter2";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPromptEngine, FaultyEngine>());
    }

    private sealed class FaultyEngine : IPromptEngine
    {
        public Task<TResult> RunAsync<TResult>(EngineOperation<TResult> operation, CancellationToken cancellationToken)
            where TResult : EngineResult =>
            throw new InvalidOperationException(InternalDetail);

        public IAsyncEnumerable<EngineStreamChunk> StreamAsync(TextOperation operation, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(InternalDetail);
    }
}
