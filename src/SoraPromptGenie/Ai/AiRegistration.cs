using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OpenAI;
using Polly;
using SoraPromptGenie.Ai.Caching;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Llm;
using SoraPromptGenie.Core.Engines.Offline;
using SoraPromptGenie.Ops.Configuration;
using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Ops.Health;
using SoraPromptGenie.Ops.Security;

namespace SoraPromptGenie.Ai;

/// <summary>
/// The only place that knows about OpenRouter and the OpenAI SDK: one IChatClient per configured model over a shared
/// HttpClient whose resilience handler owns retries, the per-attempt timeout and the circuit breaker (the SDK's own
/// retry is off, so there is exactly one policy).
/// </summary>
public static class AiRegistration
{
    public const string HttpClientName = "llm";

    public static WebApplicationBuilder AddAi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCheckedOptions<LlmOptions, LlmOptionsRules>(LlmOptions.SectionName);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LlmCallLog>();
        services.AddSingleton<ILlmCallObserver, LlmCallObservers>();
        services.AddSingleton<LlmCircuitState>();
        services.AddSingleton<IUpstreamCircuit>(sp => sp.GetRequiredService<LlmCircuitState>());
        services.AddHealthChecks().AddCheck<LlmModeHealthCheck>(LlmModeHealthCheck.Name, tags: [HealthEndpoints.ReadyTag]);

        services.AddHttpClient(HttpClientName, ConfigureHttpClient)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxConnectionsPerServer = 2048,
                AutomaticDecompression = DecompressionMethods.All,
            })

            // The app logs one line per model call with its outcome; the factory's per-request handlers would only
            // add log scopes and filtered-out events on the hot path.
            .RemoveAllLoggers()
            .AddResilienceHandler("llm-pipeline", ConfigureResilience);

        services.AddSingleton<IReadOnlyList<LlmModel>>(CreateModelClients);
        services.AddLlmResponseCache();
        services.AddSingleton<IPromptEngine>(CreateEngine);
        return builder;
    }

    private static void ConfigureHttpClient(IServiceProvider services, HttpClient client)
    {
        var site = services.GetRequiredService<IOptions<SiteOptions>>().Value;

        // OpenRouter attributes traffic by these two headers; other OpenAI-compatible servers ignore them.
        client.DefaultRequestHeaders.TryAddWithoutValidation("HTTP-Referer", site.Url);
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Title", "SoraPromptGenie");

        // The resilience pipeline enforces the budget; HttpClient's own 100 s default must not cut in first.
        client.Timeout = Timeout.InfiniteTimeSpan;
    }

    private static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<LlmOptions>>().Value;
        var circuit = context.ServiceProvider.GetRequiredService<LlmCircuitState>();
        var budget = TimeSpan.FromSeconds(options.TimeoutSeconds);
        var attempt = TimeSpan.FromSeconds(Math.Min(options.AttemptTimeoutSeconds, options.TimeoutSeconds));

        // No total timeout here: the engine starts the operation's budget before the first model call and cancels the
        // call with it, retries and fallback models included, so a second timer per call could never fire first.

        // Polly rejects a retry strategy with zero attempts, so MaxRetries=0 means no retry strategy at all.
        if (options.MaxRetries > 0)
        {
            pipeline.AddStrategy(_ => new CallStartStrategy(), new CallStartOptions());
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMilliseconds),
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, budget - CallStartStrategy.Elapsed(args.Context))),
            });
        }

        pipeline
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = options.CircuitMinimumThroughput,
                SamplingDuration = attempt * 2 > TimeSpan.FromSeconds(30) ? attempt * 2 : TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(options.CircuitBreakSeconds),
                OnOpened = args =>
                {
                    circuit.Opened(args.BreakDuration);
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    circuit.Closed();
                    return default;
                },
                OnClosed = _ =>
                {
                    circuit.Closed();
                    return default;
                },
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = attempt, Name = "attempt" });
    }

    /// <summary>
    /// Retries 408, 429 and 5xx answers, timeouts and connection failures; never 400 or 401. A 429 whose
    /// Retry-After lies beyond what is left of the budget is not waited for: the caller hears "unavailable" at once,
    /// rather than "timeout" once the budget runs out during the wait.
    /// </summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan budgetLeft)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        var status = (int)response.StatusCode;
        if (status == 429 && response.Headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date - DateTimeOffset.UtcNow) ?? TimeSpan.Zero;
            return wait < budgetLeft;
        }

        return status is 408 or 429 || status >= 500;
    }

    private static List<LlmModel> CreateModelClients(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<LlmOptions>>().Value;
        var httpClient = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.BaseUrl),
            Transport = new HttpClientPipelineTransport(httpClient),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,

            // LlmCallLog writes one line per call; the SDK's request and response logging would only add a policy to
            // every call's pipeline.
            ClientLoggingOptions = new ClientLoggingOptions { EnableLogging = false },
        };
        var credential = new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "not-configured" : options.ApiKey);
        var openAi = new OpenAIClient(credential, clientOptions);

        return options.AllModels
            .Select(model => new LlmModel(
                model,
                new ChatClientBuilder(openAi.GetChatClient(model).AsIChatClient())
                    .UseOpenTelemetry(configure: telemetry => telemetry.EnableSensitiveData = false)
                    .Build(services)))
            .ToList();
    }

    private static IPromptEngine CreateEngine(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<LlmOptions>>().Value;
        var offline = services.GetRequiredService<OfflinePromptEngine>();
        var observer = services.GetRequiredService<ILlmCallObserver>();
        if (options.EffectiveMode == LlmMode.Offline)
        {
            return new OfflineAnswerRecorder(offline, observer, CallOutcome.Ok);
        }

        var llm = new LlmPromptEngine(
            services.GetRequiredService<IReadOnlyList<LlmModel>>(),
            new LlmEngineOptions { TimeoutSeconds = options.TimeoutSeconds, EngineLabelPrefix = options.EnginePrefix },
            observer,
            services.GetRequiredService<TimeProvider>());
        return new FallbackPromptEngine(llm, offline, options.FallbackToOffline, observer).WithResponseCache(services);
    }
}
