using System.ComponentModel;
using System.Text;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Prompts;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Prompting;

namespace SoraPromptGenie.Mcp;

/// <summary>
/// What a client can read without calling a tool: the enhancement catalog (<see cref="CatalogUri"/>, the same document
/// <c>GET /api/catalog</c> serves) and each video-model target (<see cref="TargetUriTemplate"/>): its profile with today's
/// status, and the layout and rules the prompt engines follow when they write for it. The targets are also listed one
/// by one (<see cref="ListAsync"/>), so a client that does not expand templates still finds them.
/// </summary>
[McpServerResourceType]
public sealed class PromptResources(CatalogDocument catalog, TargetCatalog targets)
{
    public const string CatalogUri = "spg://catalog";
    public const string TargetUriPrefix = "spg://targets/";
    public const string TargetUriTemplate = TargetUriPrefix + "{id}";
    private const string Json = "application/json";

    [McpServerResource(UriTemplate = CatalogUri, Name = "catalog", Title = "Enhancement catalog", MimeType = Json)]
    [Description("The 12 enhancement categories in their groups, every card (id, title, description), the presets and the starter prompts, as GET /api/catalog serves them.")]
    public TextResourceContents Catalog() =>
        new() { Uri = CatalogUri, MimeType = Json, Text = Encoding.UTF8.GetString(catalog.Json) };

    [McpServerResource(UriTemplate = TargetUriTemplate, Name = "target", Title = "Video-model target", MimeType = Json)]
    [Description("One video-model target: its profile with today's status (active, preview, deprecated, retired), request parameters with allowed values, prompt limit and guidance, and writingGuide, the layout and rules the prompt engines follow when they write for it.")]
    public TextResourceContents Target([Description("The target profile id, as list_targets lists it.")] string id)
    {
        var (profile, unknown) = targets.Named(id);
        if (profile is null)
        {
            throw new McpProtocolException(unknown ?? "Name a target id, as list_targets lists it.", McpErrorCode.InvalidParams);
        }

        var style = new TargetStyle(profile);
        var resource = new TargetResource(TargetSummary.Of(profile, targets.StatusOf(profile)), TargetGuide.Layout(style) + TargetGuide.Craft(style));
        return new() { Uri = TargetUriPrefix + profile.Id, MimeType = Json, Text = JsonSerializer.Serialize(resource, McpJson.Options) };
    }

    /// <summary>Every target as a resource of its own, beside the template (resources/list).</summary>
    public static ValueTask<ListResourcesResult> ListAsync(RequestContext<ListResourcesRequestParams> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var targets = context.Services!.GetRequiredService<TargetCatalog>();
        return ValueTask.FromResult(new ListResourcesResult
        {
            Resources =
            [
                .. targets.All.Select(t => new Resource
                {
                    Uri = TargetUriPrefix + t.Id,
                    Name = "target " + t.Id,
                    Title = $"{t.DisplayName} ({targets.StatusOf(t)})",
                    Description = $"The {t.DisplayName} target profile with its status, parameters and prompting advice.",
                    MimeType = Json,
                }),
            ],
        });
    }
}

/// <summary>A target as <see cref="PromptResources.Target"/> reads it.</summary>
/// <param name="Target">The profile as <c>GET /api/targets</c> lists it.</param>
/// <param name="WritingGuide">The layout and rules the engines' system prompts give a model writing for this target.</param>
public sealed record TargetResource(TargetSummary Target, string WritingGuide);
