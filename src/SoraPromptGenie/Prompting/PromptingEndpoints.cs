using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Library;
using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Ops.RateLimiting;

namespace SoraPromptGenie.Prompting;

/// <summary>
/// The original SoraPromptGenie AI endpoints, wire-compatible, each under the AI rate limit. The text-producing ones
/// take an optional <c>promptId</c> (with the workspace key) to save the result as a new version of a saved prompt;
/// suggestions produce cards, not prompt text, so there is nothing to save for them.
/// </summary>
public static class PromptingEndpoints
{
    public static RouteGroupBuilder MapPrompting(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(string.Empty).WithTags("Prompting").RequireRateLimiting(RateLimits.Ai).ProducesUpstreamErrors();
        group.MapPost("/enhance-prompt", EnhanceAsync)
            .WithName("EnhancePrompt").WithSummary("Merge one enhancement, or several (one per category) in one call, into a prompt.")
            .SavesToLibrary<EnhancePromptRequest>(r => r.PromptId)
            .WithTextStreaming<EnhancePromptRequest, EnhancePromptResponse>(StreamEnhance, EnhancedResponse);
        group.MapPost("/generate-suggestions", SuggestAsync)
            .WithName("GenerateSuggestions").WithSummary("Suggest fresh enhancement cards for a category.");
        group.MapPost("/auto-generate-prompt", ExpandAsync)
            .WithName("AutoGeneratePrompt").WithSummary("Expand a basic idea of three words or more into a cinematic prompt.")
            .SavesToLibrary<AutoGeneratePromptRequest>(r => r.PromptId)
            .WithTextStreaming<AutoGeneratePromptRequest, AutoGeneratePromptResponse>(
                (request, studio, ct) => studio.StreamExpand(request.BasicPrompt, ct, request.Fresh == true), GeneratedResponse);
        group.MapPost("/structure-prompt", StructureAsync)
            .WithName("StructurePrompt").WithSummary("Restructure a prompt into the Sora 2 prompting guide's template.")
            .SavesToLibrary<StructurePromptRequest>(r => r.PromptId)
            .WithTextStreaming<StructurePromptRequest, StructurePromptResponse>(
                (request, studio, ct) => studio.StreamStructure(request.CurrentPrompt, ct, request.Fresh == true), StructuredResponse);
        return group;
    }

    private static async Task<Results<Ok<EnhancePromptResponse>, ApiErrorResult>> EnhanceAsync(
        EnhancePromptRequest request, PromptStudio studio, PromptCatalog catalog, HttpContext http, CancellationToken cancellationToken)
    {
        var enhancements = EnhancementsOf(request);
        if (enhancements.Value is null)
        {
            return ApiResults.Validation(enhancements.Error!);
        }

        if (await AiResultSaving.CheckTargetAsync(request.PromptId, http) is { } denied)
        {
            return denied;
        }

        var result = await studio.EnhanceAsync(request.CurrentPrompt, enhancements.Value, cancellationToken, request.Fresh == true);
        if (result.Value is not { } text)
        {
            return ApiResults.Validation(result.Error!);
        }

        var source = new VersionSource(
            enhancements.Value.Count > 1 ? VersionOperations.Preset : VersionOperations.Enhance,
            [.. enhancements.Value.Select(e => EnhancementId(catalog, e))],
            text.Engine);
        var (version, error) = await AiResultSaving.SaveAsync(request.PromptId, http, text.Text, source);
        return error ?? (Results<Ok<EnhancePromptResponse>, ApiErrorResult>)TypedResults.Ok(EnhancedResponse(text) with { SavedVersion = version });
    }

    /// <summary>The catalog id of an enhancement sent by title, else its category: what the version history records.</summary>
    private static string EnhancementId(PromptCatalog catalog, EnhancementInput input)
    {
        var category = catalog.FindCategory(input.Category);
        var match = category?.Enhancements.FirstOrDefault(e => string.Equals(e.Title, input.Title?.Trim(), StringComparison.OrdinalIgnoreCase));
        return match?.Id ?? category?.Id ?? input.Category?.Trim() ?? string.Empty;
    }

    private static StudioResult<IReadOnlyList<EnhancementInput>> EnhancementsOf(EnhancePromptRequest request) =>
        (request.Enhancement, request.Enhancements) switch
        {
            ({ } single, null) => StudioResult.Of<IReadOnlyList<EnhancementInput>>([single]),
            (null, { } several) => StudioResult.Of(several),
            (null, null) => StudioResult.Invalid<IReadOnlyList<EnhancementInput>>("enhancement (an object) or enhancements (an array) is required."),
            _ => StudioResult.Invalid<IReadOnlyList<EnhancementInput>>("Send either enhancement or enhancements, not both."),
        };

    private static StudioResult<IAsyncEnumerable<EngineStreamChunk>> StreamEnhance(
        EnhancePromptRequest request, PromptStudio studio, CancellationToken cancellationToken)
    {
        var enhancements = EnhancementsOf(request);
        return enhancements.Value is { } valid
            ? studio.StreamEnhance(request.CurrentPrompt, valid, cancellationToken, request.Fresh == true)
            : StudioResult.Invalid<IAsyncEnumerable<EngineStreamChunk>>(enhancements.Error!);
    }

    private static EnhancePromptResponse EnhancedResponse(EngineText text) =>
        new(text.Text) { Engine = text.Engine, FallbackReason = text.FallbackReason, Usage = text.Usage, Cached = text.Cached, Warnings = text.Warnings };

    private static AutoGeneratePromptResponse GeneratedResponse(EngineText text) =>
        new(text.Text) { Engine = text.Engine, FallbackReason = text.FallbackReason, Usage = text.Usage, Cached = text.Cached, Warnings = text.Warnings };

    private static StructurePromptResponse StructuredResponse(EngineText text) =>
        new(text.Text) { Engine = text.Engine, FallbackReason = text.FallbackReason, Usage = text.Usage, Cached = text.Cached, Warnings = text.Warnings };

    private static async Task<Results<Ok<GenerateSuggestionsResponse>, ApiErrorResult>> SuggestAsync(
        GenerateSuggestionsRequest request, PromptStudio studio, CancellationToken cancellationToken)
    {
        var result = await studio.SuggestAsync(request.Category, request.Count, request.CurrentPrompt, cancellationToken, request.Fresh == true);
        return result.Value is { } suggestions
            ? TypedResults.Ok(new GenerateSuggestionsResponse(suggestions.Suggestions)
            {
                Engine = suggestions.Engine,
                FallbackReason = suggestions.FallbackReason,
                Usage = suggestions.Usage,
                Cached = suggestions.Cached,
            })
            : ApiResults.Validation(result.Error!);
    }

    private static async Task<Results<Ok<AutoGeneratePromptResponse>, ApiErrorResult>> ExpandAsync(
        AutoGeneratePromptRequest request, PromptStudio studio, HttpContext http, CancellationToken cancellationToken)
    {
        if (await AiResultSaving.CheckTargetAsync(request.PromptId, http) is { } denied)
        {
            return denied;
        }

        var result = await studio.ExpandAsync(request.BasicPrompt, cancellationToken, request.Fresh == true);
        return await RespondAsync(result, request.PromptId, http, VersionOperations.AutoGenerate, (text, version) => GeneratedResponse(text) with { SavedVersion = version });
    }

    private static async Task<Results<Ok<StructurePromptResponse>, ApiErrorResult>> StructureAsync(
        StructurePromptRequest request, PromptStudio studio, HttpContext http, CancellationToken cancellationToken)
    {
        if (await AiResultSaving.CheckTargetAsync(request.PromptId, http) is { } denied)
        {
            return denied;
        }

        var result = await studio.StructureAsync(request.CurrentPrompt, cancellationToken, request.Fresh == true);
        return await RespondAsync(result, request.PromptId, http, VersionOperations.Structure, (text, version) => StructuredResponse(text) with { SavedVersion = version });
    }

    private static async Task<Results<Ok<TResponse>, ApiErrorResult>> RespondAsync<TResponse>(
        StudioResult<EngineText> result, Guid? promptId, HttpContext http, string operation, Func<EngineText, int?, TResponse> map)
    {
        if (result.Value is not { } text)
        {
            return ApiResults.Validation(result.Error!);
        }

        var (version, error) = await AiResultSaving.SaveAsync(promptId, http, text.Text, new VersionSource(operation, Engine: text.Engine));
        return error is null ? TypedResults.Ok(map(text, version)) : error;
    }
}
