using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Mcp;

/// <summary>
/// The MCP server's HTTP endpoint. Bound from <c>Mcp:*</c> (<c>MCP_TOKEN</c>); with a token set, <c>/mcp</c> answers only
/// requests carrying <c>Authorization: Bearer &lt;token&gt;</c>.
/// </summary>
public sealed class McpOptions
{
    public const string SectionName = "Mcp";
    public const int MinTokenLength = 16;

    [SecretLength(MinTokenLength)]
    public string? Token { get; set; }
}
