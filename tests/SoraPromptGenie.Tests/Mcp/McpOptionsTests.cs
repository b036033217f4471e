using SoraPromptGenie.Mcp;
using SoraPromptGenie.Ops.Configuration;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Mcp;

/// <summary>The MCP settings as start-up checks them: one line per problem, naming the variable, never quoting a secret.</summary>
public sealed class McpOptionsTests
{
    private const string GoodKey = "Zm9yLXRoZS10ZXN0cy1vbmx5LW5vdC1hLXJlYWwta2V";

    [Theory]
    [InlineData("Bearer Zm9yLXRoZS10ZXN0cy1vbmx5LW5vdC1hLXJlYWwta2V")]
    [InlineData("\"Zm9yLXRoZS10ZXN0cy1vbmx5LW5vdC1hLXJlYWwta2V\"")]
    [InlineData("Zm9yLXRoZS10ZXN0cy1vbmx5LW5vdC1hLXJlYWwta2")]
    [InlineData("Zm9yLXRoZS10ZXN0cy1vbmx5LW5vdC1hLXJlYWwta2V5")]
    [InlineData("Zm9yLXRoZS10ZXN0cy1vbmx5LW5vdC1hLXJlYWwta2+")]
    public void WorkspaceKey_NotShapedLikeAKey_IsOneLineNamingTheVariableWithoutTheValue(string key)
    {
        var problems = Validate(new() { ["MCP_WORKSPACE_KEY"] = key });

        var problem = Assert.Single(problems);
        Assert.StartsWith("MCP_WORKSPACE_KEY: must be a workspace key as POST /api/workspaces returns it", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Zm9y", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkspaceKey_ShapedLikeAKeyOrUnset_NoProblems()
    {
        Assert.Equal(43, GoodKey.Length);
        Assert.Empty(Validate(new() { ["MCP_WORKSPACE_KEY"] = GoodKey }));
        Assert.Empty(Validate(new() { ["Mcp:WorkspaceKey"] = GoodKey }));
        Assert.Empty(Validate([]));
    }

    [Fact]
    public void Token_TooShort_IsOneLineNamingTheVariable()
    {
        Assert.Equal("MCP_TOKEN: must be at least 16 characters long when set.", Assert.Single(Validate(new() { ["MCP_TOKEN"] = "short" })));
    }

    private static IReadOnlyList<string> Validate(Dictionary<string, string?> settings) =>
        OptionsCheck.Problems(settings, services => services.AddCheckedOptions<McpOptions>(McpOptions.SectionName));
}
