using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Mcp;

/// <summary>
/// The MCP server. Bound from <c>Mcp:*</c>: with <see cref="Token"/> (<c>MCP_TOKEN</c>) set, <c>/mcp</c> answers only
/// requests carrying <c>Authorization: Bearer &lt;token&gt;</c>; <see cref="WorkspaceKey"/> (<c>MCP_WORKSPACE_KEY</c>) is
/// the library the stdio server's library tools open (an HTTP client sends its own key instead).
/// </summary>
public sealed class McpOptions
{
    public const string SectionName = "Mcp";
    public const int MinTokenLength = 16;

    [SecretLength(MinTokenLength)]
    public string? Token { get; set; }

    [WorkspaceKey]
    public string? WorkspaceKey { get; set; }
}
