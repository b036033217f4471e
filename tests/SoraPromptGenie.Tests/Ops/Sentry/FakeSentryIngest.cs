using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace SoraPromptGenie.Tests.Ops.Sentry;

/// <summary>A Sentry ingest on 127.0.0.1 that accepts envelopes (gzip or plain) and keeps their text.</summary>
public sealed class FakeSentryIngest : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _envelopes = new();

    private FakeSentryIngest(WebApplication app) => _app = app;

    public IReadOnlyCollection<string> Envelopes => _envelopes;

    /// <summary>A DSN whose public key is "publickey" and project is 1, pointing here.</summary>
    public string Dsn { get; private set; } = "";

    public static async Task<FakeSentryIngest> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var ingest = new FakeSentryIngest(app);
        app.MapPost("/api/{project}/envelope/", ingest.ReceiveAsync);
        await app.StartAsync();
        var port = new Uri(app.Urls.Single()).Port;
        ingest.Dsn = $"http://publickey@127.0.0.1:{port}/1";
        return ingest;
    }

    /// <summary>
    /// Waits for an error event envelope (not a performance transaction) containing <paramref name="marker"/>; the SDK
    /// sends from a background worker.
    /// </summary>
    public Task<string> WaitForEventAsync(string marker, TimeSpan timeout) => WaitForAsync("event", marker, timeout);

    /// <summary>Waits for a performance transaction envelope containing <paramref name="marker"/>.</summary>
    public Task<string> WaitForTransactionAsync(string marker, TimeSpan timeout) => WaitForAsync("transaction", marker, timeout);

    private async Task<string> WaitForAsync(string itemType, string marker, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (_envelopes.FirstOrDefault(e => e.Contains(marker, StringComparison.Ordinal) && e.Contains($"{{\"type\":\"{itemType}\"", StringComparison.Ordinal)) is { } envelope)
            {
                return envelope;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No Sentry {itemType} envelope containing '{marker}' within {timeout}; received {_envelopes.Count}.");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        var body = context.Request.Body;
        if (context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            body = new GZipStream(body, CompressionMode.Decompress);
        }

        using var reader = new StreamReader(body);
        _envelopes.Enqueue(await reader.ReadToEndAsync(context.RequestAborted));
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{}", context.RequestAborted);
    }
}
