using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Data;
using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Ops.Security;

namespace SoraPromptGenie.Usage;

/// <summary>One row of the report. Errors are failed LLM calls; offline answers (offline mode or fallback) are OfflineCalls.</summary>
public sealed record UsageGroup(
    string Operation,
    string Model,
    int Calls,
    int Errors,
    int OfflineCalls,
    int CachedCalls,
    long PromptTokens,
    long CompletionTokens,
    decimal Cost,
    long P50LatencyMs,
    long P95LatencyMs);

public sealed record UsageReport(DateTime From, DateTime To, UsageGroup Totals, IReadOnlyList<UsageGroup> Groups);

/// <summary>
/// <c>GET /api/usage?from=&amp;to=</c> for operators (bearer <c>ADMIN_TOKEN</c>). Percentiles are computed in memory
/// over the filtered rows with the nearest-rank method, the same on SQLite and PostgreSQL.
/// </summary>
public static class UsageEndpoints
{
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(7);

    public static IEndpointRouteBuilder MapUsage(this IEndpointRouteBuilder api)
    {
        api.MapGet("/usage", GetUsageAsync).UsesDatabase()
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound)
            .WithTags("Usage").WithName("GetUsage").WithSummary("LLM calls, errors, tokens, cost and latency percentiles by operation and model.");
        return api;
    }

    private static async Task<Results<Ok<UsageReport>, ApiErrorResult>> GetUsageAsync(
        [FromQuery] DateTime? from,
        [FromQuery] DateTime? to,
        HttpContext http,
        IOptions<UsageOptions> options,
        AppDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Value.AdminToken))
        {
            return ApiResults.NotFound();
        }

        if (AdminToken.From(options.Value.AdminToken)?.IsPresentedBy(http.Request) != true)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return ApiResults.Error(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, "Send the admin token as 'Authorization: Bearer <ADMIN_TOKEN>'.");
        }

        var end = ToUtc(to) ?? time.GetUtcNow().UtcDateTime;
        var start = ToUtc(from) ?? end - DefaultRange;
        if (start > end)
        {
            return ApiResults.Validation("from must be before to.");
        }

        var rows = await db.LlmCalls.AsNoTracking()
            .Where(c => c.Timestamp >= start && c.Timestamp < end)
            .Select(c => new CallRow(c.Operation, c.Model, c.Outcome, c.LatencyMs, c.PromptTokens, c.CompletionTokens, c.Cost, c.Cached, c.Offline))
            .ToListAsync(cancellationToken);

        var groups = rows
            .GroupBy(r => (r.Operation, r.Model))
            .OrderBy(g => g.Key.Operation, StringComparer.Ordinal).ThenBy(g => g.Key.Model, StringComparer.Ordinal)
            .Select(g => Summarize(g.Key.Operation, g.Key.Model, [.. g]))
            .ToList();
        return TypedResults.Ok(new UsageReport(start, end, Summarize("all", "all", rows), groups));
    }

    private static UsageGroup Summarize(string operation, string model, IReadOnlyList<CallRow> rows)
    {
        var latencies = rows.Select(r => r.LatencyMs).Order().ToArray();
        return new UsageGroup(
            operation,
            model,
            rows.Count,
            rows.Count(r => CallOutcomes.FromName(r.Outcome)?.Answered() != true),
            rows.Count(r => r.Offline),
            rows.Count(r => r.Cached),
            rows.Sum(r => r.PromptTokens ?? 0),
            rows.Sum(r => r.CompletionTokens ?? 0),
            rows.Sum(r => r.Cost ?? 0m),
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.95));
    }

    /// <summary>Nearest-rank percentile of sorted values; 0 for none.</summary>
    internal static long Percentile(long[] sorted, double fraction)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static DateTime? ToUtc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } utc => utc,
        { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        { } unspecified => DateTime.SpecifyKind(unspecified, DateTimeKind.Utc),
    };

    private sealed record CallRow(
        string Operation, string Model, string Outcome, long LatencyMs, long? PromptTokens, long? CompletionTokens, decimal? Cost, bool Cached, bool Offline);
}
