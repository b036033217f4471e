using ModelContextProtocol.Protocol;
using SoraPromptGenie.Ops;
using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Ops.Logging;
using SoraPromptGenie.Ops.RateLimiting;
using SoraPromptGenie.Ops.Security;
using SoraPromptGenie.Ops.Telemetry;

namespace SoraPromptGenie.Mcp;

/// <summary>
/// Which of the caller's rate limits a tool call spends over HTTP, so a client has one budget whichever way it calls:
/// an AI tool the AI limit of the same API operation, a library tool the general limit the library endpoints count
/// against, a deterministic tool none. A stdio client is the local user and spends none.
/// </summary>
public sealed record ToolBudget(string? AiScope, bool General)
{
    public static readonly ToolBudget None = new(null, false);

    public static readonly ToolBudget Library = new(null, true);

    public static ToolBudget Ai(string apiPath) => new(apiPath, false);
}

/// <summary>
/// Runs one tool call: spends the caller's <see cref="ToolBudget"/>, names the tool on the request's log line
/// (<c>POST /mcp 200 in 12ms tool=lint_prompt</c>), counts the call and its outcome per tool, and turns a failure into a
/// tool error with the API's error code and the request id, never an exception text.
/// </summary>
public sealed partial class ToolRunner(
    IHttpContextAccessor accessor,
    ClientRateLimiter limiter,
    ExceptionClassifier classifier,
    ILogger<ToolRunner> logger)
{
    public async Task<CallToolResult> RunAsync(
        string tool, ToolBudget budget, Func<CancellationToken, Task<ToolAnswer>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(work);
        var http = accessor.HttpContext;
        var requestId = http?.TraceIdentifier ?? RequestContext.NewRequestId();
        if (http is not null)
        {
            RequestLogDetail.Add(http, "tool", tool);
            if (await SpendAsync(budget, http, cancellationToken) is { Allowed: false } decision)
            {
                var seconds = (int)Math.Ceiling(decision.Reset.TotalSeconds);
                return Answered(tool, requestId, ToolAnswer.Failed(ErrorCodes.RateLimited, $"Too many requests. Try again in {RateLimits.FormatWait(seconds)}."));
            }
        }

        try
        {
            return Answered(tool, requestId, await work(cancellationToken));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var (status, code, message) = classifier.Classify(exception);
            if (status >= StatusCodes.Status500InternalServerError && code == ErrorCodes.InternalError)
            {
                ToolFailed(logger, exception, tool, requestId);
                AppMetrics.McpToolCalled(tool, code);
                return ToolAnswer.Failed(code, message).ToResult(requestId);
            }

            return Answered(tool, requestId, ToolAnswer.Failed(code, message));
        }
    }

    private async Task<RateLimitDecision?> SpendAsync(ToolBudget budget, HttpContext http, CancellationToken cancellationToken)
    {
        var client = http.ClientAddress().ToString();
        return budget.AiScope is { } scope ? await limiter.HitAiAsync(scope, client, cancellationToken)
            : budget.General ? await limiter.HitGeneralAsync(client, cancellationToken)
            : null;
    }

    private CallToolResult Answered(string tool, string requestId, ToolAnswer answer)
    {
        ToolAnswered(logger, tool, answer.Error?.Code ?? "ok", requestId);
        AppMetrics.McpToolCalled(tool, answer.Error?.Code);
        return answer.ToResult(requestId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MCP tool {Tool} answered {Outcome} for request {RequestId}")]
    private static partial void ToolAnswered(ILogger logger, string tool, string outcome, string requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "MCP tool {Tool} failed for request {RequestId}")]
    private static partial void ToolFailed(ILogger logger, Exception exception, string tool, string requestId);
}
