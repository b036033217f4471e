using SoraPromptGenie.Ai.Caching;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Ops.RateLimiting;

namespace SoraPromptGenie.Prompting;

/// <summary>The original SoraPromptGenie AI endpoints, wire-compatible, each under the AI rate limit.</summary>
public static class PromptingEndpoints
{
    public static RouteGroupBuilder MapPrompting(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(string.Empty).WithTags("Prompting").RequireRateLimiting(RateLimits.Ai)
            .AddEndpointFilter<FreshRequestFilter>();
        group.MapPost("/enhance-prompt", EnhanceAsync)
            .WithName("EnhancePrompt").WithSummary("Merge one enhancement, or several (one per category) in one call, into a prompt.")
            .WithTextStreaming<EnhancePromptRequest, EnhancePromptResponse>(StreamEnhance, EnhancedResponse);
        group.MapPost("/generate-suggestions", SuggestAsync)
            .WithName("GenerateSuggestions").WithSummary("Suggest fresh enhancement cards for a category.");
        group.MapPost("/auto-generate-prompt", ExpandAsync)
            .WithName("AutoGeneratePrompt").WithSummary("Expand a basic idea of three words or more into a cinematic prompt.")
            .WithTextStreaming<AutoGeneratePromptRequest, AutoGeneratePromptResponse>(
                (request, studio, ct) => studio.StreamExpand(request.BasicPrompt, ct), GeneratedResponse);
        group.MapPost("/structure-prompt", StructureAsync)
            .WithName("StructurePrompt").WithSummary("Restructure a prompt into the Sora 2 prompting guide's template.")
            .WithTextStreaming<StructurePromptRequest, StructurePromptResponse>(
                (request, studio, ct) => studio.StreamStructure(request.CurrentPrompt, ct), StructuredResponse);
        return group;
    }

    private static async Task<Results<Ok<EnhancePromptResponse>, ApiErrorResult>> EnhanceAsync(
        EnhancePromptRequest request, PromptStudio studio, CancellationToken cancellationToken)
    {
        var enhancements = EnhancementsOf(request);
        if (enhancements.Value is null)
        {
            return ApiResults.Validation(enhancements.Error!);
        }

        var result = await studio.EnhanceAsync(request.CurrentPrompt, enhancements.Value, cancellationToken);
        return result.Value is { } text
            ? TypedResults.Ok(EnhancedResponse(text))
            : ApiResults.Validation(result.Error!);
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
            ? studio.StreamEnhance(request.CurrentPrompt, valid, cancellationToken)
            : StudioResult.Invalid<IAsyncEnumerable<EngineStreamChunk>>(enhancements.Error!);
    }

    private static EnhancePromptResponse EnhancedResponse(EngineText text) =>
        new(text.Text) { Engine = text.Engine, FallbackReason = text.FallbackReason, Usage = text.Usage, Cached = text.Cached };

    private static AutoGeneratePromptResponse GeneratedResponse(EngineText text) =>
        new(text.Text) { Engine = text.Engine, FallbackReason = text.FallbackReason, Usage = text.Usage, Cached = text.Cached };

    private static StructurePromptResponse StructuredResponse(EngineText text) =>
        new(text.Text) { Engine = text.Engine, FallbackReason = text.FallbackReason, Usage = text.Usage, Cached = text.Cached };

    private static async Task<Results<Ok<GenerateSuggestionsResponse>, ApiErrorResult>> SuggestAsync(
        GenerateSuggestionsRequest request, PromptStudio studio, CancellationToken cancellationToken)
    {
        var result = await studio.SuggestAsync(request.Category, request.Count, request.CurrentPrompt, cancellationToken);
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
        AutoGeneratePromptRequest request, PromptStudio studio, CancellationToken cancellationToken)
    {
        var result = await studio.ExpandAsync(request.BasicPrompt, cancellationToken);
        return Respond(result, GeneratedResponse);
    }

    private static async Task<Results<Ok<StructurePromptResponse>, ApiErrorResult>> StructureAsync(
        StructurePromptRequest request, PromptStudio studio, CancellationToken cancellationToken)
    {
        var result = await studio.StructureAsync(request.CurrentPrompt, cancellationToken);
        return Respond(result, StructuredResponse);
    }

    private static Results<Ok<TResponse>, ApiErrorResult> Respond<TResponse>(StudioResult<EngineText> result, Func<EngineText, TResponse> map) =>
        result.Value is { } text ? TypedResults.Ok(map(text)) : ApiResults.Validation(result.Error!);
}
