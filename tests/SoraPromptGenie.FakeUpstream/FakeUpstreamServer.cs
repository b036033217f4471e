using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SoraPromptGenie.FakeUpstream;

/// <summary>
/// A real Kestrel listener on 127.0.0.1 that speaks the OpenAI chat-completions protocol as OpenRouter serves it:
/// <c>POST {BaseUrl}/chat/completions</c> (JSON or SSE) and <c>GET {BaseUrl}/models</c>.
/// </summary>
public sealed class FakeUpstreamServer : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly UpstreamHandler _handler;
    private int _stopped;
    private int _disposed;

    private FakeUpstreamServer(WebApplication app, UpstreamHandler handler, Uri baseUrl)
    {
        _app = app;
        _handler = handler;
        BaseUrl = baseUrl;
    }

    /// <summary>For example <c>http://127.0.0.1:40123/api/v1</c>; pass it as the OpenAI SDK's endpoint.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Snapshot of the recorded requests in arrival order (empty when recording is off).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _handler.Requests;

    /// <summary>Requests received since start or the last <see cref="Reset"/>, counted even when recording is off.</summary>
    public int RequestCount => _handler.RequestCount;

    /// <summary>The reply used when no scripted reply is queued.</summary>
    public FakeReply Default
    {
        get => _handler.Default;
        set => _handler.Default = value;
    }

    public static async Task<FakeUpstreamServer> StartAsync(FakeUpstreamOptions? options = null, int port = 0)
    {
        options ??= new FakeUpstreamOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        if (!options.BasePath.StartsWith('/'))
        {
            throw new ArgumentException("BasePath must start with '/'.", nameof(options));
        }

        // The content root is pinned so a test's working directory or appsettings never shape the fake.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeUpstreamServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, ManualHostLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
        });

        var app = builder.Build();
        var handler = new UpstreamHandler(options, app.Lifetime.ApplicationStopping);
        app.Run(handler.HandleAsync);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new Uri($"http://127.0.0.1:{new Uri(address).Port}{options.BasePath.TrimEnd('/')}");
        return new FakeUpstreamServer(app, handler, baseUrl);
    }

    /// <summary>Queues replies for the next chat-completions calls, in order; <see cref="Default"/> answers once they run out.</summary>
    public void Enqueue(params FakeReply[] replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        _handler.Enqueue(replies);
    }

    /// <summary>Drops queued replies and recorded requests, zeroes the count and restores the configured default reply.</summary>
    public void Reset() => _handler.Reset();

    /// <summary>Closes the listener (its port then refuses connections) and cuts any request still waiting.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await StopAsync();
            await _app.DisposeAsync();
        }
    }
}
