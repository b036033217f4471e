using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Mcp;

/// <summary>The official MCP client against the app's <c>/mcp</c> endpoint, through the test server's HttpClient.</summary>
internal static class McpTestClient
{
    public static async Task<McpClient> ConnectAsync(AppFactory factory, IDictionary<string, string>? headers = null)
    {
        var http = factory.CreateClient();
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions
            {
                Endpoint = new Uri(http.BaseAddress!, "/mcp"),
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = headers,
            },
            http,
            loggerFactory: null,
            ownsHttpClient: true);
        return await McpClient.CreateAsync(transport);
    }

    public static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;

    public static JsonElement Structured(CallToolResult result)
    {
        Assert.False(result.IsError == true, Text(result));
        return Assert.IsType<JsonElement>(result.StructuredContent);
    }

    /// <summary>The error a failed tool call carries: the API's error shape as the text content.</summary>
    public static (string Code, string Error, string RequestId) Error(CallToolResult result)
    {
        Assert.True(result.IsError, "expected a tool error, got: " + Text(result));
        using var error = JsonDocument.Parse(Text(result));
        return (
            error.RootElement.GetProperty("code").GetString()!,
            error.RootElement.GetProperty("error").GetString()!,
            error.RootElement.GetProperty("requestId").GetString()!);
    }
}
