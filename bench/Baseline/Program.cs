using System.Globalization;
using System.Text;
using System.Text.Json;
using SoraPromptGenie.Bench.Baseline;

// The bare-Kestrel reference for the load harness: the same process shape as the app (a framework-dependent dll in
// Production), none of its middleware, one plain HttpClient call per AI request.
var builder = WebApplication.CreateSlimBuilder(args);
var port = builder.Configuration["PORT"] ?? "5100";
var upstream = builder.Configuration["UPSTREAM_BASE_URL"]
    ?? throw new InvalidOperationException("UPSTREAM_BASE_URL (the fake upstream's /api/v1 URL) is required.");
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.Services.AddSingleton(new UpstreamClient(new Uri(upstream.TrimEnd('/') + "/chat/completions")));

var app = builder.Build();
var started = DateTimeOffset.UtcNow;
app.MapGet("/api/health", () => Results.Json(new HealthBody(
    "ok",
    DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
    (DateTimeOffset.UtcNow - started).TotalSeconds,
    "Production")));
app.MapPost("/api/enhance-prompt", async (HttpRequest request, UpstreamClient client, CancellationToken cancellationToken) =>
{
    using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
    var content = await client.CompleteAsync(cancellationToken);
    return Results.Json(new EnhanceBody(content, "baseline"));
});
await app.RunAsync();

namespace SoraPromptGenie.Bench.Baseline
{
    internal sealed record HealthBody(string Status, string Timestamp, double Uptime, string Environment);

    internal sealed record EnhanceBody(string EnhancedPrompt, string Engine);

    internal sealed class UpstreamClient(Uri chatCompletions) : IDisposable
    {
        private static readonly byte[] RequestBody = Encoding.UTF8.GetBytes(
            """{"model":"bench/model","messages":[{"role":"system","content":"Enhance the prompt."},{"role":"user","content":"A lighthouse keeper climbs the stairs at dusk."}]}""");

        private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = int.MaxValue });

        public async Task<string> CompleteAsync(CancellationToken cancellationToken)
        {
            using var content = new ByteArrayContent(RequestBody);
            content.Headers.ContentType = new("application/json");
            using var response = await _http.PostAsync(chatCompletions, content, cancellationToken);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            return json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString() ?? string.Empty;
        }

        public void Dispose() => _http.Dispose();
    }
}
