using Microsoft.Extensions.Options;
using SoraPromptGenie.Library;
using SoraPromptGenie.Ops.Errors;

namespace SoraPromptGenie.Mcp;

/// <summary>How this process serves the MCP server: over stdio (to the local user who started it) or over HTTP at /mcp.</summary>
public sealed record McpTransport(bool Stdio);

/// <summary>
/// The library a library tool acts on. Over HTTP the client sends its workspace key as the JSON API takes it
/// (<c>Authorization: Bearer &lt;key&gt;</c>) or in <see cref="KeyHeader"/>, the only place for it when <c>MCP_TOKEN</c> is
/// set, because the bearer then carries that token. Over stdio the process belongs to whoever started it, and
/// <c>MCP_WORKSPACE_KEY</c> names the library. The key itself never appears in an answer.
/// </summary>
public sealed class McpWorkspace(McpTransport transport, IHttpContextAccessor accessor, IOptions<McpOptions> options, LibraryService library)
{
    public const string KeyHeader = "X-Workspace-Key";

    /// <summary>The workspace the caller's key opens, or the tool error (<c>unauthorized</c>) to answer instead.</summary>
    public async Task<(Guid? Workspace, ToolAnswer? Refusal)> OpenAsync(CancellationToken cancellationToken)
    {
        var key = Key();
        if (string.IsNullOrWhiteSpace(key))
        {
            return (null, Refuse(transport.Stdio
                ? "Library tools need a workspace key: set MCP_WORKSPACE_KEY to a key from POST /api/workspaces and restart the server."
                : $"Library tools need a workspace key: send it as {HowToSend}."));
        }

        return await library.ResolveWorkspaceAsync(key, cancellationToken) is { } workspace ? (workspace, null) : (null, NoLibrary());
    }

    /// <summary>The answer when the key opens no workspace, or the workspace was deleted while the call ran.</summary>
    public ToolAnswer NoLibrary() => Refuse(transport.Stdio
        ? "MCP_WORKSPACE_KEY opens no library: the key is mistyped or its library was deleted. POST /api/workspaces creates a new one."
        : $"The workspace key opens no library: it is mistyped or its library was deleted. Send a key from POST /api/workspaces as {HowToSend}.");

    private bool HasMcpToken => options.Value.Token is { Length: > 0 };

    private string HowToSend => HasMcpToken
        ? $"'{KeyHeader}: <key>' (the bearer token carries the MCP token)"
        : $"'Authorization: Bearer <key>' or '{KeyHeader}: <key>'";

    private string? Key()
    {
        if (transport.Stdio)
        {
            return options.Value.WorkspaceKey;
        }

        if (accessor.HttpContext?.Request is not { } request)
        {
            return null;
        }

        var header = request.Headers[KeyHeader].ToString();
        if (header.Length > 0)
        {
            return header.Trim();
        }

        return HasMcpToken ? null : WorkspaceAuth.ReadBearer(request);
    }

    private static ToolAnswer Refuse(string message) => ToolAnswer.Failed(ErrorCodes.Unauthorized, message);
}
