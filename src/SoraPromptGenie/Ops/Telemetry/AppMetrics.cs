using System.Diagnostics.Metrics;
using SoraPromptGenie.Core.Engines;

namespace SoraPromptGenie.Ops.Telemetry;

/// <summary>
/// The product's own instruments on one process-wide <see cref="Meter"/>, so any feature (cache, rate limiter, usage
/// ledger) can record without taking a dependency. Exported by OpenTelemetry (Prometheus at /metrics, OTLP when set).
/// </summary>
public static class AppMetrics
{
    public const string MeterName = "SoraPromptGenie";

    public static readonly Meter Meter = new(MeterName, BuildInfo.Version);

    private static readonly Counter<long> LlmCalls =
        Meter.CreateCounter<long>("sora.llm.calls", "{call}", "Prompt engine calls by operation, model, engine and outcome.");

    private static readonly Histogram<double> LlmCallDuration = Meter.CreateHistogram(
        "sora.llm.call.duration",
        "s",
        "Latency of one prompt engine call, retries and fallback models included.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60] });

    private static readonly Counter<long> LlmTokens =
        Meter.CreateCounter<long>("sora.llm.tokens", "{token}", "Tokens reported by the upstream, by direction (input/output) and model.");

    private static readonly Counter<double> LlmCost =
        Meter.CreateCounter<double>("sora.llm.cost_usd", null, "Cost in US dollars reported by the upstream, by model.");

    private static readonly Counter<long> CacheHits =
        Meter.CreateCounter<long>("sora.cache.hits", "{hit}", "Response cache hits by operation.");

    private static readonly Counter<long> CacheMisses =
        Meter.CreateCounter<long>("sora.cache.misses", "{miss}", "Response cache misses by operation.");

    private static readonly Counter<long> RateLimitRejections =
        Meter.CreateCounter<long>("sora.rate_limit.rejections", "{request}", "Requests answered 429 by the rate limiter, by policy.");

    private static readonly Counter<long> McpToolCalls =
        Meter.CreateCounter<long>("sora.mcp.tool.calls", "{call}", "MCP tool calls by tool and outcome (ok, or the error code of a tool error).");

    private static readonly Counter<long> McpToolErrors =
        Meter.CreateCounter<long>("sora.mcp.tool.errors", "{call}", "MCP tool calls answered with a tool error, by tool and error code.");

    private static Func<long>? _ledgerQueueLength;
    private static Func<long>? _ledgerDropped;

    static AppMetrics()
    {
        Meter.CreateObservableGauge(
            "sora.usage_ledger.queue_length",
            () => Observe(_ledgerQueueLength),
            "{record}",
            "Usage records waiting to be written to the database.");
        Meter.CreateObservableCounter(
            "sora.usage_ledger.dropped",
            () => Observe(_ledgerDropped),
            "{record}",
            "Usage records dropped because the ledger queue was full or the database refused them.");
    }

    public static void RecordLlmCall(LlmCallRecord call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var operation = new KeyValuePair<string, object?>("operation", OperationName(call.Operation));
        var model = new KeyValuePair<string, object?>("model", call.Model);
        var engine = new KeyValuePair<string, object?>("engine", call.Engine);
        var outcome = new KeyValuePair<string, object?>("outcome", call.Outcome.Name());

        LlmCalls.Add(1, operation, model, engine, outcome);
        LlmCallDuration.Record(call.LatencyMs / 1000.0, operation, model, outcome);
        if (call.InputTokens is > 0 and var input)
        {
            LlmTokens.Add(input, new KeyValuePair<string, object?>("direction", "input"), model);
        }

        if (call.OutputTokens is > 0 and var output)
        {
            LlmTokens.Add(output, new KeyValuePair<string, object?>("direction", "output"), model);
        }

        if (call.Cost is > 0 and var cost)
        {
            LlmCost.Add((double)cost, model);
        }
    }

    public static void CacheHit(string operation) => CacheHits.Add(1, new KeyValuePair<string, object?>("operation", operation));

    public static void CacheMiss(string operation) => CacheMisses.Add(1, new KeyValuePair<string, object?>("operation", operation));

    /// <summary>One MCP tool call: <paramref name="errorCode"/> is null when the tool answered, else its error code.</summary>
    public static void McpToolCalled(string tool, string? errorCode)
    {
        var name = new KeyValuePair<string, object?>("tool", tool);
        McpToolCalls.Add(1, name, new KeyValuePair<string, object?>("outcome", errorCode ?? "ok"));
        if (errorCode is not null)
        {
            McpToolErrors.Add(1, name, new KeyValuePair<string, object?>("code", errorCode));
        }
    }

    public static void RateLimitRejected(string policy) => RateLimitRejections.Add(1, new KeyValuePair<string, object?>("policy", policy));

    /// <summary>
    /// Lets the usage ledger report its queue: <paramref name="queueLength"/> is read at each collection and
    /// <paramref name="dropped"/> must be a running total. A later registration replaces an earlier one.
    /// </summary>
    public static void ObserveLedger(Func<long> queueLength, Func<long> dropped)
    {
        ArgumentNullException.ThrowIfNull(queueLength);
        ArgumentNullException.ThrowIfNull(dropped);
        Volatile.Write(ref _ledgerQueueLength, queueLength);
        Volatile.Write(ref _ledgerDropped, dropped);
    }

    internal static string OperationName(PromptOperation operation) => operation.ToString().ToLowerInvariant();

    /// <summary>No series at all until a ledger registers: a zero would claim a healthy queue that does not exist.</summary>
    private static IEnumerable<Measurement<long>> Observe(Func<long>? read) =>
        read is { } reader ? [new Measurement<long>(reader())] : [];
}
