namespace SoraPromptGenie.Ops.Logging;

/// <summary>
/// What a request did that its method and path do not say, appended to its request log line as <c>name=value</c> pairs:
/// every call to <c>POST /mcp</c> has the same path, so the MCP server names the tool it ran (<c>tool=lint_prompt</c>).
/// </summary>
public sealed class RequestLogDetail
{
    private readonly List<string> _pairs = [];

    /// <summary>Adds <c>name=value</c> to the request's log line.</summary>
    public static void Add(HttpContext context, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(context);
        var detail = context.Features.Get<RequestLogDetail>();
        if (detail is null)
        {
            detail = new RequestLogDetail();
            context.Features.Set(detail);
        }

        lock (detail._pairs)
        {
            detail._pairs.Add($"{name}={value}");
        }
    }

    /// <summary>The text after the line's duration: empty, or a space and the pairs.</summary>
    public static string Suffix(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<RequestLogDetail>() is not { } detail)
        {
            return string.Empty;
        }

        lock (detail._pairs)
        {
            return detail._pairs.Count == 0 ? string.Empty : " " + string.Join(' ', detail._pairs);
        }
    }
}
