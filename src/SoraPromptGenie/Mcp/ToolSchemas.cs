using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Mcp;

/// <summary>
/// Finishes the generated schemas at start-up. The allowed values of the catalog- and target-valued parameters become JSON
/// schema <c>enum</c>s (and are listed in the description of a prompt's <c>target</c> argument), taken from the data the
/// tools check against, so a model picks a valid id instead of guessing one. A nullable type means "optional": an
/// optional input (and each value of a map or list input) is typed by its value alone, and an output property that may
/// be null is left out of <c>required</c>,
/// because the answers leave null properties out (<see cref="McpJson"/>), and typed by its value alone too; a single type
/// is what clients that map schemas onto narrower dialects accept.
/// </summary>
public sealed class ToolSchemas(PromptCatalog catalog, TargetCatalog targets) : IPostConfigureOptions<McpServerOptions>
{
    public void PostConfigure(string? name, McpServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var allowed = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["category"] = [.. catalog.CategoryIds],
            ["cards"] = [.. catalog.Categories.SelectMany(c => c.Enhancements).Select(e => e.Id)],
            ["target"] = [.. targets.Ids],
        };
        foreach (var tool in options.ToolCollection ?? [])
        {
            var input = JsonNode.Parse(tool.ProtocolTool.InputSchema.GetRawText())!.AsObject();
            OptionalInputs(input);
            if (input["properties"] is JsonObject properties)
            {
                foreach (var (parameter, values) in allowed)
                {
                    if (properties[parameter] is JsonObject property)
                    {
                        var holder = property["items"] as JsonObject ?? property;
                        holder["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]);
                    }
                }
            }

            tool.ProtocolTool.InputSchema = JsonSerializer.SerializeToElement(input);
            if (tool.ProtocolTool.OutputSchema is { } outputSchema)
            {
                var output = JsonNode.Parse(outputSchema.GetRawText())!;
                NullableOutputs(output);
                tool.ProtocolTool.OutputSchema = JsonSerializer.SerializeToElement(output);
            }
        }

        foreach (var prompt in options.PromptCollection ?? [])
        {
            foreach (var argument in prompt.ProtocolPrompt.Arguments ?? [])
            {
                // The prompts are shared by every server instance the options are built for (one per stateless request).
                var choices = allowed.TryGetValue(argument.Name, out var values) ? $" One of: {string.Join(", ", values)}." : null;
                if (choices is not null && argument.Description?.EndsWith(choices, StringComparison.Ordinal) != true)
                {
                    argument.Description += choices;
                }
            }
        }
    }

    private static void OptionalInputs(JsonObject schema)
    {
        var required = Required(schema);
        foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
        {
            if (property is not JsonObject value)
            {
                continue;
            }

            if (!required.Contains(name))
            {
                DropNull(value);
            }

            // The values of a map or a list parameter are never null either.
            foreach (var inner in new[] { value["additionalProperties"], value["items"] }.OfType<JsonObject>())
            {
                DropNull(inner);
            }
        }
    }

    /// <summary>Walks every object schema of an output schema, its items and its map values included.</summary>
    private static void NullableOutputs(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        if (schema["properties"] is JsonObject properties)
        {
            var required = schema["required"] as JsonArray;
            foreach (var (name, property) in properties)
            {
                if (property is JsonObject value && DropNull(value))
                {
                    required?.Remove(required.FirstOrDefault(r => r?.GetValue<string>() == name));
                }

                NullableOutputs(property);
            }
        }

        NullableOutputs(schema["items"]);
        NullableOutputs(schema["additionalProperties"]);
    }

    /// <summary>Turns <c>"type": ["string", "null"]</c> into <c>"type": "string"</c>; true when the type allowed null.</summary>
    private static bool DropNull(JsonObject property)
    {
        if (property["type"] is not JsonArray types || !types.Any(t => t?.GetValue<string>() == "null"))
        {
            return false;
        }

        var rest = types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList();
        property["type"] = rest.Count == 1 ? rest[0] : new JsonArray([.. rest.Select(t => (JsonNode)t)]);
        return true;
    }

    private static HashSet<string> Required(JsonObject schema) =>
        [.. (schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>())];
}
