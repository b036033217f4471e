using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Mcp;

/// <summary>
/// Lists the allowed values of the catalog- and target-valued tool parameters as JSON schema <c>enum</c>s, taken from the
/// data the tools check against, so a model picks a valid id instead of guessing one.
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
            var schema = JsonNode.Parse(tool.ProtocolTool.InputSchema.GetRawText())!.AsObject();
            if (schema["properties"] is not JsonObject properties)
            {
                continue;
            }

            foreach (var (parameter, values) in allowed)
            {
                if (properties[parameter] is not JsonObject property)
                {
                    continue;
                }

                var holder = property["items"] as JsonObject ?? property;
                var choices = new JsonArray([.. values.Select(v => (JsonNode)v)]);
                if (holder["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null"))
                {
                    choices.Add(null);
                }

                holder["enum"] = choices;
            }

            tool.ProtocolTool.InputSchema = JsonSerializer.SerializeToElement(schema);
        }
    }
}
