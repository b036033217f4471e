using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace SoraPromptGenie.Mcp;

/// <summary>What a tool hands back: a value as structured content with a readable text, or an error in the API's shape.</summary>
public sealed record ToolAnswer
{
    private ToolAnswer(object? value, string text, ToolError? error)
    {
        Value = value;
        Text = text;
        Error = error;
    }

    public object? Value { get; }

    public string Text { get; }

    public ToolError? Error { get; }

    public static ToolAnswer Of(object value, string text) => new(value, text, null);

    public static ToolAnswer Failed(string code, string message) => new(null, message, new ToolError(message, code, string.Empty));

    public CallToolResult ToResult(string requestId) => Error is { } error
        ? new CallToolResult
        {
            IsError = true,
            Content = [new TextContentBlock { Text = JsonSerializer.Serialize(error with { RequestId = requestId }, McpJson.Options) }],
        }
        : new CallToolResult
        {
            StructuredContent = JsonSerializer.SerializeToElement(Value, McpJson.Options),
            Content = [new TextContentBlock { Text = Text }],
        };
}

/// <summary>A tool error as the JSON API writes one: message, error code (section 4 of the API contract) and request id.</summary>
public sealed record ToolError(string Error, string Code, string RequestId);

public static class McpJson
{
    public static readonly JsonSerializerOptions Options = ReadOnly(new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,

        // Answers are read by models and people, never put into HTML: "'Bearer <key>'" rather than "\u0027Bearer \u003Ckey\u003E\u0027".
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>
    /// Frozen before any server sees them: the MCP server freezes options it is given on first use, and two hosts starting
    /// at once (test servers) raced to do it.
    /// </summary>
    private static JsonSerializerOptions ReadOnly(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
