using System.Text.Json;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Mcp;

public sealed class OfflineMcpSettings : IAppSettings
{
    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?> { ["LLM_MODE"] = "offline" };
}

/// <summary>The MCP server over Streamable HTTP at /mcp, called with the official C# client, the offline engine answering.</summary>
public sealed class McpHttpTests(AppFactory<OfflineMcpSettings> factory) : IClassFixture<AppFactory<OfflineMcpSettings>>
{
    public static readonly string[] ToolNames =
    [
        "build_video_request", "enhance_prompt", "expand_idea", "lint_prompt", "list_categories", "list_targets", "structure_prompt",
        "suggest_enhancements",
    ];

    private const string Idea = "a fox crossing a snowy road at night";

    [Fact]
    public async Task ToolsList_NamesEveryToolWithDescribedParametersAndAllowedValues()
    {
        await using var client = await McpTestClient.ConnectAsync(factory);
        var tools = await client.ListToolsAsync();

        Assert.Equal(ToolNames, tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (var tool in tools)
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Description), tool.Name);
            Assert.NotNull(tool.ProtocolTool.OutputSchema);
            foreach (var property in tool.JsonSchema.GetProperty("properties").EnumerateObject())
            {
                Assert.True(property.Value.TryGetProperty("description", out _), $"{tool.Name}.{property.Name} has no description");
            }
        }

        var suggest = tools.Single(t => t.Name == "suggest_enhancements").JsonSchema.GetProperty("properties");
        Assert.Contains("camera-angles", suggest.GetProperty("category").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        var enhance = tools.Single(t => t.Name == "enhance_prompt").JsonSchema.GetProperty("properties");
        Assert.Contains("lighting/golden-hour", enhance.GetProperty("cards").GetProperty("items").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        var lint = tools.Single(t => t.Name == "lint_prompt").JsonSchema.GetProperty("properties");
        Assert.Contains("sora-2", lint.GetProperty("target").GetProperty("enum").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString()));
    }

    [Fact]
    public async Task EveryTool_AnswersWithStructuredContentTextAndEngine()
    {
        await using var client = await McpTestClient.ConnectAsync(factory);

        var expanded = await client.CallToolAsync("expand_idea", new Dictionary<string, object?> { ["idea"] = Idea });
        var prompt = McpTestClient.Structured(expanded).GetProperty("prompt").GetString()!;
        Assert.Contains("fox", prompt, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("offline", McpTestClient.Structured(expanded).GetProperty("engine").GetString());
        Assert.Contains("Engine: offline", McpTestClient.Text(expanded), StringComparison.Ordinal);

        var enhanced = await client.CallToolAsync("enhance_prompt", new Dictionary<string, object?>
        {
            ["prompt"] = prompt,
            ["cards"] = new[] { "lighting/golden-hour", "camera-angles/low-angle" },
        });
        var enhancedPrompt = McpTestClient.Structured(enhanced).GetProperty("prompt").GetString()!;
        Assert.Contains("Lighting:", enhancedPrompt, StringComparison.Ordinal);
        Assert.Equal("offline", McpTestClient.Structured(enhanced).GetProperty("engine").GetString());

        var suggested = await client.CallToolAsync("suggest_enhancements", new Dictionary<string, object?> { ["category"] = "mood", ["count"] = 3, ["prompt"] = prompt });
        var suggestions = McpTestClient.Structured(suggested).GetProperty("suggestions");
        Assert.Equal(3, suggestions.GetArrayLength());
        Assert.All(suggestions.EnumerateArray(), s => Assert.StartsWith("mood/", s.GetProperty("id").GetString(), StringComparison.Ordinal));

        var structured = await client.CallToolAsync("structure_prompt", new Dictionary<string, object?> { ["prompt"] = enhancedPrompt });
        Assert.Contains("Cinematography:", McpTestClient.Structured(structured).GetProperty("prompt").GetString(), StringComparison.Ordinal);

        var linted = await client.CallToolAsync("lint_prompt", new Dictionary<string, object?> { ["prompt"] = enhancedPrompt, ["target"] = "sora-2" });
        var report = McpTestClient.Structured(linted);
        Assert.InRange(report.GetProperty("score").GetInt32(), 0, 100);
        Assert.Equal("sora-2", report.GetProperty("target").GetString());
        Assert.StartsWith("Score ", McpTestClient.Text(linted), StringComparison.Ordinal);

        var categories = McpTestClient.Structured(await client.CallToolAsync("list_categories"));
        Assert.Equal(12, categories.GetProperty("categories").GetArrayLength());

        var targets = McpTestClient.Structured(await client.CallToolAsync("list_targets")).GetProperty("targets");
        Assert.Contains("sora-2", targets.EnumerateArray().Select(t => t.GetProperty("id").GetString()));

        var request = await client.CallToolAsync("build_video_request", new Dictionary<string, object?> { ["target"] = "sora-2", ["prompt"] = enhancedPrompt });
        var export = McpTestClient.Structured(request);
        Assert.Equal("sora-2", export.GetProperty("target").GetProperty("id").GetString());
        Assert.StartsWith("curl", export.GetProperty("curl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadArgument_IsAToolErrorWithValidationFailedAndTheRequestId()
    {
        await using var client = await McpTestClient.ConnectAsync(factory);

        var tooShort = McpTestClient.Error(await client.CallToolAsync("expand_idea", new Dictionary<string, object?> { ["idea"] = "fox" }));
        Assert.Equal("validation_failed", tooShort.Code);
        Assert.Equal("Basic prompt must contain at least 3 words", tooShort.Error);
        Assert.StartsWith("00-", tooShort.RequestId, StringComparison.Ordinal);

        var unknownCard = McpTestClient.Error(await client.CallToolAsync("enhance_prompt", new Dictionary<string, object?> { ["prompt"] = Idea, ["cards"] = new[] { "lighting/disco" } }));
        Assert.Equal("validation_failed", unknownCard.Code);
        Assert.Contains("lighting/disco", unknownCard.Error, StringComparison.Ordinal);

        var unknownTarget = McpTestClient.Error(await client.CallToolAsync("lint_prompt", new Dictionary<string, object?> { ["prompt"] = Idea, ["target"] = "sora-9" }));
        Assert.Equal("validation_failed", unknownTarget.Code);
        Assert.DoesNotContain("   at ", unknownTarget.Error, StringComparison.Ordinal);
    }
}
