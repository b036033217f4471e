using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SoraPromptGenie.FakeUpstream;

namespace SoraPromptGenie.BrowserTests.Infrastructure;

/// <summary>
/// The app on a real 127.0.0.1 port (Kestrel, so the browser's WebSocket reaches the Blazor circuit) against a fake
/// OpenAI-compatible upstream. It runs in Development because only there are static web assets served from the build
/// output; in Production the framework script comes back empty and the circuit never starts.
/// </summary>
public sealed class StudioApp(IReadOnlyDictionary<string, string?> overrides) : WebApplicationFactory<Program>
{
    public const string Model = "test/primary-model";

    public required FakeUpstreamServer Upstream { get; init; }

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("spg-browser-").FullName;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<StudioApp> StartAsync(IReadOnlyDictionary<string, string?> overrides)
    {
        var upstream = await FakeUpstreamServer.StartAsync();
        var app = new StudioApp(overrides) { Upstream = upstream };
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        app.BaseUrl = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return app;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Upstream.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Log files may still be flushing; the OS temp cleaner takes what is left.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["OPENROUTER_API_KEY"] = "sk-or-test-0123456789abcdef",
            ["OPENROUTER_BASE_URL"] = Upstream.BaseUrl.ToString().TrimEnd('/'),
            ["OPENROUTER_MODEL"] = Model,
            ["LOG_DIR"] = Path.Combine(Directory, "logs"),
            ["Database:SqlitePath"] = Path.Combine(Directory, "app.db"),

            // Each flow expects the upstream to see its own requests (the preset test counts them).
            ["LLM_CACHE_TTL_SECONDS"] = "0",
            ["RATE_LIMIT_GENERAL"] = "100000/900",
            ["RATE_LIMIT_AI"] = "100000/900",
            ["LLM_TIMEOUT_SECONDS"] = "6",
            ["Llm:AttemptTimeoutSeconds"] = "2",
            ["Llm:RetryBaseDelayMilliseconds"] = "20",
            ["Llm:CircuitMinimumThroughput"] = "1000",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
