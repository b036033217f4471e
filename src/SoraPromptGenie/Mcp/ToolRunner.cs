using ModelContextProtocol.Protocol;
using SoraPromptGenie.Ops;
using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Ops.RateLimiting;
using SoraPromptGenie.Ops.Security;

namespace SoraPromptGenie.Mcp;

/// <summary>
/// Runs one tool call: counts an AI tool against the caller's AI limit for the same operation of the JSON API (over HTTP;
/// a stdio client is the local user), and turns a failure into a tool error with the API's error code and the request id,
/// never an exception text.
/// </summary>
public sealed partial class ToolRunner(
    IHttpContextAccessor accessor,
    ClientRateLimiter limiter,
    ExceptionClassifier classifier,
    ILogger<ToolRunner> logger)
{
    public async Task<CallToolResult> RunAsync(
        string tool, string? aiScope, Func<CancellationToken, Task<ToolAnswer>> work, CancellationToken cancellationToken)
    {
        var http = accessor.HttpContext;
        var requestId = http?.TraceIdentifier ?? RequestContext.NewRequestId();
        if (aiScope is not null && http is not null)
        {
            var decision = await limiter.HitAiAsync(aiScope, http.ClientAddress().ToString(), cancellationToken);
            if (!decision.Allowed)
            {
                var seconds = (int)Math.Ceiling(decision.Reset.TotalSeconds);
                return ToolAnswer.Failed(ErrorCodes.RateLimited, $"Too many requests. Try again in {RateLimits.FormatWait(seconds)}.").ToResult(requestId);
            }
        }

        try
        {
            var answer = await work(cancellationToken);
            ToolAnswered(logger, tool, answer.Error?.Code ?? "ok", requestId);
            return answer.ToResult(requestId);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var (status, code, message) = classifier.Classify(exception);
            if (status >= StatusCodes.Status500InternalServerError && code == ErrorCodes.InternalError)
            {
                ToolFailed(logger, exception, tool, requestId);
            }
            else
            {
                ToolAnswered(logger, tool, code, requestId);
            }

            return ToolAnswer.Failed(code, message).ToResult(requestId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MCP tool {Tool} answered {Outcome} for request {RequestId}")]
    private static partial void ToolAnswered(ILogger logger, string tool, string outcome, string requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "MCP tool {Tool} failed for request {RequestId}")]
    private static partial void ToolFailed(ILogger logger, Exception exception, string tool, string requestId);
}
