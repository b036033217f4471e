using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Lint;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Prompting;

namespace SoraPromptGenie.Mcp;

/// <summary>
/// The prompt operations as MCP tools, on the same services as the JSON API (never through it): each AI tool counts
/// against the AI limit of its API endpoint, so a client has one budget per operation whichever way it calls, and writes
/// for the video-model target it is given as the API's <c>target</c> field does. Allowed values of <c>category</c>,
/// <c>cards</c> and <c>target</c> are added to the input schemas at start-up (<see cref="ToolSchemas"/>).
/// </summary>
[McpServerToolType]
public sealed class PromptTools(
    ToolRunner runner,
    PromptStudio studio,
    PromptCatalog catalog,
    PromptLinter linter,
    PromptInput input,
    TargetCatalog targets,
    VideoRequestBuilder videoRequests)
{
    public const string TargetDescription =
        "Optional video-model target profile id (see list_targets), for example veo-3.1 or sora-2. Omit for the Sora 2 prompting guide.";

    [McpServerTool(Name = "expand_idea", Title = "Expand an idea into a prompt", ReadOnly = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(PromptToolResult))]
    [Description("Expands a basic idea of three words or more into a detailed cinematic text-to-video prompt, laid out for the target when one is given.")]
    public Task<CallToolResult> ExpandIdeaAsync(
        [Description("The idea in plain words, at least three words, for example 'a fox crossing a snowy road at night'.")] string idea,
        [Description(TargetDescription)] string? target = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("expand_idea", ToolBudget.Ai("/api/auto-generate-prompt"), async ct =>
            WithTarget(target, out var profile) ?? TextAnswer(await studio.ExpandAsync(idea, ct, target: profile)), cancellationToken);

    [McpServerTool(Name = "enhance_prompt", Title = "Apply enhancement cards", ReadOnly = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(PromptToolResult))]
    [Description("Merges one or more enhancement cards (camera, lighting, style, ...) into a prompt in one call; at most one card per category. Card ids come from list_categories.")]
    public Task<CallToolResult> EnhancePromptAsync(
        [Description("The prompt to enhance; an empty string writes a new prompt around the cards.")] string prompt,
        [Description("Enhancement card ids such as 'lighting/golden-hour' or 'camera-angles/low-angle', 1 to 12, at most one per category.")] string[] cards,
        [Description(TargetDescription)] string? target = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("enhance_prompt", ToolBudget.Ai("/api/enhance-prompt"), async ct =>
        {
            if (WithTarget(target, out var profile) is { } badTarget)
            {
                return badTarget;
            }

            if (cards is not { Length: > 0 and <= PromptLimits.MaxEnhancements })
            {
                return Invalid("cards must hold 1 to 12 enhancement card ids (see list_categories).");
            }

            var chosen = new List<EnhancementInput>(cards.Length);
            foreach (var id in cards)
            {
                if (catalog.FindEnhancement(id) is not { } card)
                {
                    return Invalid($"Unknown enhancement card '{id}'. Card ids look like 'lighting/golden-hour'; list_categories lists them.");
                }

                chosen.Add(new EnhancementInput { Title = card.Title, Description = card.Description, Category = card.Category });
            }

            return TextAnswer(await studio.EnhanceAsync(prompt, chosen, ct, target: profile));
        }, cancellationToken);

    [McpServerTool(Name = "suggest_enhancements", Title = "Suggest enhancement cards", ReadOnly = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(SuggestionsToolResult))]
    [Description("Suggests enhancement cards of one category that fit the prompt; pass the returned ids to enhance_prompt.")]
    public Task<CallToolResult> SuggestEnhancementsAsync(
        [Description("Category id, one of the values the schema lists (the catalog's categories).")] string category,
        [Description("How many cards, 1 to 20; default 8.")] int? count = null,
        [Description("The current prompt the cards should fit; optional.")] string? prompt = null,
        [Description(TargetDescription)] string? target = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("suggest_enhancements", ToolBudget.Ai("/api/generate-suggestions"), async ct =>
        {
            if (WithTarget(target, out var profile) is { } badTarget)
            {
                return badTarget;
            }

            var result = await studio.SuggestAsync(category, count, prompt, ct, target: profile);
            if (result.Value is not { } suggestions)
            {
                return Invalid(result.Error!);
            }

            var value = new SuggestionsToolResult(suggestions.Suggestions, suggestions.Engine, suggestions.FallbackReason, suggestions.Cached);
            var lines = suggestions.Suggestions.Select(s => $"- {s.Id}: {s.Title} — {s.Description}");
            return ToolAnswer.Of(value, string.Join('\n', lines) + $"\n\nEngine: {suggestions.Engine}");
        }, cancellationToken);

    [McpServerTool(Name = "structure_prompt", Title = "Structure a prompt", ReadOnly = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(PromptToolResult))]
    [Description("Rewrites a prompt into the prompting guide's template (scene prose, then Cinematography with camera shot and mood, Actions as beats, Dialogue), or into the target's own layout when a target is given.")]
    public Task<CallToolResult> StructurePromptAsync(
        [Description("The prompt to restructure.")] string prompt,
        [Description(TargetDescription)] string? target = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("structure_prompt", ToolBudget.Ai("/api/structure-prompt"), async ct =>
            WithTarget(target, out var profile) ?? TextAnswer(await studio.StructureAsync(prompt, ct, target: profile)), cancellationToken);

    [McpServerTool(Name = "lint_prompt", Title = "Score a prompt", ReadOnly = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(LintToolResult))]
    [Description("Scores a prompt 0-100 against the prompting guide (and the target's own advice when a target is given) and lists findings; deterministic, no AI.")]
    public Task<CallToolResult> LintPromptAsync(
        [Description("The prompt to score.")] string prompt,
        [Description(TargetDescription)] string? target = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("lint_prompt", ToolBudget.None, _ =>
        {
            var checkedPrompt = input.Prompt("prompt", prompt);
            if (!checkedPrompt.Succeeded)
            {
                return Task.FromResult(Invalid(checkedPrompt.Error!));
            }

            var (profile, error) = targets.Named(target);
            if (error is not null)
            {
                return Task.FromResult(Invalid(error));
            }

            var report = linter.Lint(prompt, profile);
            var value = new LintToolResult(report.Score, report.Findings, profile?.Id, EngineLabels.Offline);
            var lines = report.Findings.Select(f => $"- [{f.Severity}] {f.Rule}: {f.Message}");
            return Task.FromResult(ToolAnswer.Of(value, $"Score {report.Score}/100\n{string.Join('\n', lines)}\n\nEngine: {EngineLabels.Offline}"));
        }, cancellationToken);

    [McpServerTool(Name = "list_categories", Title = "List enhancement categories", ReadOnly = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(CategoriesToolResult))]
    [Description("Lists the 12 enhancement categories with their cards (id, title, description) and the presets; card ids go to enhance_prompt.")]
    public Task<CallToolResult> ListCategoriesAsync(CancellationToken cancellationToken) =>
        runner.RunAsync("list_categories", ToolBudget.None, _ =>
        {
            var value = new CategoriesToolResult(
                [.. catalog.Categories.Select(c => new CategoryEntry(c.Id, c.Name, [.. c.Enhancements.Select(e => new CardEntry(e.Id, e.Title, e.Description))]))],
                [.. catalog.Presets.Select(p => new PresetEntry(p.Id, p.Name, p.Enhancements))],
                EngineLabels.Offline);
            var lines = value.Categories.Select(c => $"{c.Id} ({c.Name}): {string.Join(", ", c.Cards.Select(e => e.Id))}");
            return Task.FromResult(ToolAnswer.Of(value, string.Join('\n', lines)));
        }, cancellationToken);

    [McpServerTool(Name = "list_targets", Title = "List video-model targets", ReadOnly = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(TargetsToolResult))]
    [Description("Lists the video-model target profiles with status (current, retiring, retired), parameters and allowed values, prompt limit and prompting advice.")]
    public Task<CallToolResult> ListTargetsAsync(CancellationToken cancellationToken) =>
        runner.RunAsync("list_targets", ToolBudget.None, _ =>
        {
            var value = new TargetsToolResult([.. targets.All.Select(t => TargetSummary.Of(t, targets.StatusOf(t)))], EngineLabels.Offline);
            var lines = value.Targets.Select(t => $"- {t.Id}: {t.DisplayName} ({t.Status})");
            return Task.FromResult(ToolAnswer.Of(value, string.Join('\n', lines)));
        }, cancellationToken);

    [McpServerTool(Name = "build_video_request", Title = "Build a video API request", ReadOnly = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(VideoRequestResponse))]
    [Description("Builds the request for a video model's API from a prompt: URL, headers (the key only as $VARIABLE), JSON body, curl and poll commands. Parameters use the API's own names and allowed values (see list_targets).")]
    public Task<CallToolResult> BuildVideoRequestAsync(
        [Description("Target profile id (see list_targets), for example veo-3.1 or runway-gen4.5.")] string target,
        [Description("The prompt text.")] string prompt,
        [Description("Parameters by the target API's own names with values as text, for example {\"duration\": \"8\"}; unset ones take the profile's defaults.")] Dictionary<string, string>? parameters = null,
        [Description("What to leave out of the video, for targets that take a negative prompt.")] string? negativePrompt = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("build_video_request", ToolBudget.None, _ => Task.FromResult(BuildVideoRequest(target, prompt, parameters, negativePrompt)), cancellationToken);

    private ToolAnswer BuildVideoRequest(string target, string prompt, Dictionary<string, string>? parameters, string? negativePrompt)
    {
        var checkedPrompt = input.Prompt("prompt", prompt);
        if (checkedPrompt.Value is not { } text)
        {
            return Invalid(checkedPrompt.Error!);
        }

        if (negativePrompt is not null && input.Prompt("negativePrompt", negativePrompt).Error is { } badNegative)
        {
            return Invalid(badNegative);
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters ?? [])
        {
            if ((PromptInput.Characters("a parameter name", name).Error ?? PromptInput.Characters($"parameters.{name}", value).Error) is { } bad)
            {
                return Invalid(bad);
            }

            values[name] = value;
        }

        var result = videoRequests.Export(new VideoExportInput(target, text, values, negativePrompt));
        if (!result.Succeeded)
        {
            return Invalid(string.Join(" ", result.Errors));
        }

        var response = VideoRequestResponse.Of(result.Export);
        return ToolAnswer.Of(response, $"{response.Target.DisplayName} ({response.Target.Status})\n\n{response.Curl}");
    }

    private static ToolAnswer Invalid(string message) => ToolAnswer.Failed(ErrorCodes.ValidationFailed, message);

    /// <summary>The profile a tool's optional <c>target</c> names (none when it names none), or the error to answer.</summary>
    private ToolAnswer? WithTarget(string? target, out TargetProfile? profile)
    {
        (profile, var error) = targets.Named(target);
        return error is null ? null : Invalid(error);
    }

    private static ToolAnswer TextAnswer(StudioResult<EngineText> result)
    {
        if (result.Value is not { } text)
        {
            return Invalid(result.Error!);
        }

        var value = new PromptToolResult(text.Text, text.Engine, text.FallbackReason, text.Cached, text.Warnings);
        var notes = text.Warnings is { Count: > 0 } warnings ? "\n" + string.Join('\n', warnings) : string.Empty;
        return ToolAnswer.Of(value, $"{text.Text}\n\nEngine: {text.Engine}{notes}");
    }
}

public sealed record PromptToolResult(string Prompt, string Engine, string? FallbackReason, bool Cached, IReadOnlyList<string>? Warnings);

public sealed record SuggestionsToolResult(IReadOnlyList<Suggestion> Suggestions, string Engine, string? FallbackReason, bool Cached);

public sealed record LintToolResult(int Score, IReadOnlyList<LintFinding> Findings, string? Target, string Engine);

public sealed record CardEntry(string Id, string Title, string Description);

public sealed record CategoryEntry(string Id, string Name, IReadOnlyList<CardEntry> Cards);

public sealed record PresetEntry(string Id, string Name, IReadOnlyList<string> Cards);

public sealed record CategoriesToolResult(IReadOnlyList<CategoryEntry> Categories, IReadOnlyList<PresetEntry> Presets, string Engine);

public sealed record TargetsToolResult(IReadOnlyList<TargetSummary> Targets, string Engine);
