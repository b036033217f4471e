using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SoraPromptGenie.FakeUpstream;

namespace SoraPromptGenie.Tests.Infrastructure;

/// <summary>
/// The app in Production mode against a real fake OpenAI-compatible server on 127.0.0.1, with its own log directory.
/// Requests go through the real IChatClient pipeline, OpenAI SDK, HttpClient and resilience handler. A test states the
/// settings it needs: as a class fixture through <see cref="AppFactory{TSettings}"/>, inside a test through
/// <see cref="SettingsAppFactory"/>. Subclasses exist only to change behaviour (swap a service, start a dependency) and use
/// <see cref="Configure"/> for settings known only once the fixture has started.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ApiKey = "sk-or-test-0123456789abcdef";

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _environment;

    public AppFactory()
        : this(AppSettings.Defaults)
    {
    }

    /// <param name="settings">
    /// By the operator's variable names (as in production) or configuration keys; they override the defaults below,
    /// and a null value leaves the key unset.
    /// </param>
    /// <param name="environment">The hosting environment.</param>
    protected AppFactory(IReadOnlyDictionary<string, string?> settings, string environment = AppSettings.Production)
    {
        _settings = settings;
        _environment = environment;
    }

    public FakeUpstreamServer Upstream { get; private set; } = null!;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("spg-tests-").FullName;

    public string LogDirectory => Path.Combine(Directory, "logs");

    public virtual async Task InitializeAsync() => Upstream = await FakeUpstreamServer.StartAsync();

    public new virtual async Task DisposeAsync()
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

    /// <summary>Settings that depend on what the fixture started (a database, a fake ingest); applied last.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["OPENROUTER_API_KEY"] = ApiKey,
            ["OPENROUTER_BASE_URL"] = Upstream.BaseUrl.ToString().TrimEnd('/'),
            ["OPENROUTER_MODEL"] = "test/primary-model",
            ["LOG_DIR"] = LogDirectory,
            ["Database:SqlitePath"] = Path.Combine(Directory, "app.db"),
            ["RATE_LIMIT_GENERAL"] = "100000/900",
            ["RATE_LIMIT_AI"] = "100000/900",
            ["LLM_TIMEOUT_SECONDS"] = "6",
            ["Llm:AttemptTimeoutSeconds"] = "2",
            ["Llm:RetryBaseDelayMilliseconds"] = "20",
            ["Llm:CircuitMinimumThroughput"] = "1000",

            // Tests repeat identical requests and expect the upstream to see each one; cache tests turn it back on.
            ["LLM_CACHE_TTL_SECONDS"] = "0",
        };
        AppSettings.Apply(_settings, settings);
        Configure(settings);
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>A class fixture of the app with the settings <typeparamref name="TSettings"/> names.</summary>
public sealed class AppFactory<TSettings>() : AppFactory(TSettings.Values, TSettings.Environment)
    where TSettings : IAppSettings;
