using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace SoraPromptGenie.Core.Engines.Llm;

/// <summary>
/// Reads token counts and cost from a chat response. OpenRouter reports the cost of a call as <c>usage.cost</c>; the
/// OpenAI adapter drops unknown usage fields, so a host pipeline stage that recovers it stores it under these keys.
/// </summary>
public static class LlmUsage
{
    /// <summary>Key in a response's or update's <c>AdditionalProperties</c>: the cost as a number (decimal, double, string or JSON number).</summary>
    public const string CostKey = "cost";

    /// <summary>Key in <see cref="UsageDetails.AdditionalCounts"/>: the cost in millionths, since those counts are integers.</summary>
    public const string CostMicrosKey = "cost_micros";

    public static EngineUsage? From(UsageDetails? usage, AdditionalPropertiesDictionary? properties)
    {
        var cost = CostFrom(properties) ?? CostFrom(usage?.AdditionalCounts);
        return usage is null && cost is null
            ? null
            : new EngineUsage(usage?.InputTokenCount, usage?.OutputTokenCount, cost);
    }

    /// <summary>The usage of two calls made for one answer: each count summed where either call reported it.</summary>
    public static EngineUsage? Add(EngineUsage? first, EngineUsage? second) => (first, second) switch
    {
        (null, _) => second,
        (_, null) => first,
        _ => new EngineUsage(
            Sum(first.InputTokens, second.InputTokens),
            Sum(first.OutputTokens, second.OutputTokens),
            first.Cost is null && second.Cost is null ? null : (first.Cost ?? 0) + (second.Cost ?? 0)),
    };

    private static long? Sum(long? first, long? second) => first is null && second is null ? null : (first ?? 0) + (second ?? 0);

    private static decimal? CostFrom(AdditionalPropertiesDictionary? properties)
    {
        if (properties is null)
        {
            return null;
        }

        foreach (var key in (string[])[CostKey, "usage.cost", "total_cost"])
        {
            if (properties.TryGetValue(key, out var value) && ToDecimal(value) is { } cost)
            {
                return cost;
            }
        }

        return null;
    }

    private static decimal? CostFrom(AdditionalPropertiesDictionary<long>? counts) =>
        counts is not null && counts.TryGetValue(CostMicrosKey, out var micros) ? micros / 1_000_000m : null;

    private static decimal? ToDecimal(object? value)
    {
        try
        {
            return value switch
            {
                decimal d => d,
                double d when double.IsFinite(d) => (decimal)d,
                float f when float.IsFinite(f) => (decimal)f,
                long l => l,
                int i => i,
                string s when decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                JsonElement { ValueKind: JsonValueKind.Number } json when json.TryGetDecimal(out var number) => number,
                _ => null,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
