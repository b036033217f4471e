using System.Text.Json;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines.Prompts;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.FakeUpstream;
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
        "build_video_request", "enhance_prompt", "expand_idea", "get_prompt", "lint_prompt", "list_categories", "list_prompts", "list_targets",
        "save_prompt", "structure_prompt", "suggest_enhancements",
    ];

    /// <summary>The tools that write or check for a video model and take its id as <c>target</c>.</summary>
    public static readonly string[] TargetTools =
        ["build_video_request", "enhance_prompt", "expand_idea", "lint_prompt", "save_prompt", "structure_prompt", "suggest_enhancements"];

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
        foreach (var tool in tools.Where(t => TargetTools.Contains(t.Name)))
        {
            var target = tool.JsonSchema.GetProperty("properties").GetProperty("target");
            Assert.Equal("string", target.GetProperty("type").GetString());
            Assert.Equal(TargetCatalog.LoadEmbedded().Ids, target.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        }
    }

    [Fact]
    public async Task ToolsList_OptionalValuesHaveOneType_AndAnswersMayLeaveNullPropertiesOut()
    {
        await using var client = await McpTestClient.ConnectAsync(factory);
        var tools = await client.ListToolsAsync();

        foreach (var tool in tools)
        {
            var input = tool.JsonSchema;
            var required = input.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()).ToHashSet() : [];
            foreach (var property in input.GetProperty("properties").EnumerateObject())
            {
                Assert.True(required.Contains(property.Name) || property.Value.GetProperty("type").ValueKind == JsonValueKind.String, $"{tool.Name}.{property.Name}: {property.Value}");
                foreach (var inner in new[] { "additionalProperties", "items" }.Where(n => property.Value.TryGetProperty(n, out _)))
                {
                    Assert.True(property.Value.GetProperty(inner).GetProperty("type").ValueKind == JsonValueKind.String, $"{tool.Name}.{property.Name}.{inner}: {property.Value}");
                }
            }

            foreach (var (path, schema) in ObjectSchemas(tool.ProtocolTool.OutputSchema!.Value, tool.Name))
            {
                foreach (var property in schema.GetProperty("properties").EnumerateObject())
                {
                    var type = property.Value.TryGetProperty("type", out var t) ? t : default;
                    Assert.False(type.ValueKind == JsonValueKind.Array, $"{path}.{property.Name} has several types: {type}");
                }
            }
        }

        var lintOutput = tools.Single(t => t.Name == "lint_prompt").ProtocolTool.OutputSchema!.Value;
        Assert.DoesNotContain("target", lintOutput.GetProperty("required").EnumerateArray().Select(n => n.GetString()));
        Assert.Contains("score", lintOutput.GetProperty("required").EnumerateArray().Select(n => n.GetString()));
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
        var catalog = PromptCatalog.LoadEmbedded();
        Assert.Contains(catalog.FindEnhancement("lighting/golden-hour")!.Phrase, enhancedPrompt, StringComparison.Ordinal);
        Assert.Contains(catalog.FindEnhancement("camera-angles/low-angle")!.Phrase, enhancedPrompt, StringComparison.Ordinal);
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
    public async Task AiTools_WithATarget_AskTheModelToWriteForThatTarget()
    {
        await using var app = await SettingsAppFactory.StartAsync(new Dictionary<string, string?>());
        app.Upstream.Default = FakeReply.Auto();
        await using var client = await McpTestClient.ConnectAsync(app);
        var calls = new (string Tool, Dictionary<string, object?> Arguments)[]
        {
            ("expand_idea", new() { ["idea"] = Idea }),
            ("enhance_prompt", new() { ["prompt"] = Idea, ["cards"] = new[] { "lighting/golden-hour" } }),
            ("suggest_enhancements", new() { ["category"] = "lighting", ["count"] = 2, ["prompt"] = Idea }),
            ("structure_prompt", new() { ["prompt"] = Idea }),
        };

        foreach (var (tool, arguments) in calls)
        {
            arguments["target"] = "kling-v3";
            var answer = McpTestClient.Structured(await client.CallToolAsync(tool, arguments));
            var system = app.Upstream.Requests[^1].Messages.First(m => m.Role == "system").Content;

            Assert.NotEqual("offline", answer.GetProperty("engine").GetString());
            Assert.StartsWith("You are a cinematographer who writes prompts for Kling 3, a text-to-video model from Kling AI.", system, StringComparison.Ordinal);
        }

        McpTestClient.Structured(await client.CallToolAsync("expand_idea", new Dictionary<string, object?> { ["idea"] = Idea }));
        Assert.StartsWith(ExpandPrompt.System, app.Upstream.Requests[^1].Messages.First(m => m.Role == "system").Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AiTools_WithATarget_OfflineWritesInThatTargetsLayout()
    {
        await using var client = await McpTestClient.ConnectAsync(factory);

        var sora = McpTestClient.Structured(await client.CallToolAsync("expand_idea", new Dictionary<string, object?> { ["idea"] = Idea })).GetProperty("prompt").GetString()!;
        var veo = McpTestClient.Structured(await client.CallToolAsync("expand_idea", new Dictionary<string, object?> { ["idea"] = Idea, ["target"] = "veo-3.1" }))
            .GetProperty("prompt").GetString()!;
        var structuredForVeo = McpTestClient.Structured(await client.CallToolAsync("structure_prompt", new Dictionary<string, object?> { ["prompt"] = sora, ["target"] = "veo-3.1" }))
            .GetProperty("prompt").GetString()!;

        Assert.DoesNotContain("Audio:", sora, StringComparison.Ordinal);
        Assert.Contains("Audio:", veo, StringComparison.Ordinal);
        Assert.DoesNotContain("Cinematography:", structuredForVeo, StringComparison.Ordinal);
        Assert.Contains("Audio:", structuredForVeo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AiTools_UnknownTarget_AreToolErrorsNamingTheKnownTargets()
    {
        await using var client = await McpTestClient.ConnectAsync(factory);

        foreach (var (tool, arguments) in new (string, Dictionary<string, object?>)[]
        {
            ("expand_idea", new() { ["idea"] = Idea }),
            ("enhance_prompt", new() { ["prompt"] = Idea, ["cards"] = new[] { "lighting/golden-hour" } }),
            ("suggest_enhancements", new() { ["category"] = "mood" }),
            ("structure_prompt", new() { ["prompt"] = Idea }),
        })
        {
            arguments["target"] = "sora-9";
            var error = McpTestClient.Error(await client.CallToolAsync(tool, arguments));

            Assert.Equal("validation_failed", error.Code);
            Assert.StartsWith("target sora-9 is not a known target; choose ", error.Error, StringComparison.Ordinal);
            Assert.Contains("veo-3.1", error.Error, StringComparison.Ordinal);
        }
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

    /// <summary>Every object schema in <paramref name="schema"/> with a path, array items and map values included.</summary>
    private static IEnumerable<(string Path, JsonElement Schema)> ObjectSchemas(JsonElement schema, string path)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (schema.TryGetProperty("properties", out var properties))
        {
            yield return (path, schema);
            foreach (var property in properties.EnumerateObject())
            {
                foreach (var inner in ObjectSchemas(property.Value, $"{path}.{property.Name}"))
                {
                    yield return inner;
                }
            }
        }

        foreach (var nested in new[] { "items", "additionalProperties" })
        {
            if (schema.TryGetProperty(nested, out var value))
            {
                foreach (var inner in ObjectSchemas(value, $"{path}.{nested}"))
                {
                    yield return inner;
                }
            }
        }
    }
}
