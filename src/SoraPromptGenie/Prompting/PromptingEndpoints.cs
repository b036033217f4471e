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
            .WithName("EnhancePrompt").WithSummary("Merge one enhancement, or several (one per category) in one call, into a prompt.");
        group.MapPost("/generate-suggestions", SuggestAsync)
            .WithName("GenerateSuggestions").WithSummary("Suggest fresh enhancement cards for a category.");
        group.MapPost("/auto-generate-prompt", ExpandAsync)
            .WithName("AutoGeneratePrompt").WithSummary("Expand a basic idea of three words or more into a cinematic prompt.");
        group.MapPost("/structure-prompt", StructureAsync)
            .WithName("StructurePrompt").WithSummary("Restructure a prompt into the Sora 2 prompting guide's template.");
        return group;
    }

    private static async Task<Results<Ok<EnhancePromptResponse>, ApiErrorResult>> EnhanceAsync(
        EnhancePromptRequest request, PromptStudio studio, CancellationToken cancellationToken)
    {
        var enhancements = (request.Enhancement, request.Enhancements) switch
        {
            ({ } single, null) => [single],
            (null, { } several) => several,
            (null, null) => null,
            _ => null,
        };
        if (enhancements is null)
        {
            return ApiResults.Validation(request.Enhancement is null
                ? "enhancement (an object) or enhancements (an array) is required."
                : "Send either enhancement or enhancements, not both.");
        }

        var result = await studio.EnhanceAsync(request.CurrentPrompt, enhancements, cancellationToken);
        return result.Value is { } text
            ? TypedResults.Ok(new EnhancePromptResponse(text.Text) { Engine = text.Engine, FallbackReason = text.FallbackReason, Usage = text.Usage, Cached = text.Cached })
            : ApiResults.Validation(result.Error!);
    }

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
        return Respond(result, text => new AutoGeneratePromptResponse(text.Text) { Engine = text.Engine, FallbackReason = text.FallbackReason, Usage = text.Usage, Cached = text.Cached });
    }

    private static async Task<Results<Ok<StructurePromptResponse>, ApiErrorResult>> StructureAsync(
        StructurePromptRequest request, PromptStudio studio, CancellationToken cancellationToken)
    {
        var result = await studio.StructureAsync(request.CurrentPrompt, cancellationToken);
        return Respond(result, text => new StructurePromptResponse(text.Text) { Engine = text.Engine, FallbackReason = text.FallbackReason, Usage = text.Usage, Cached = text.Cached });
    }

    private static Results<Ok<TResponse>, ApiErrorResult> Respond<TResponse>(StudioResult<EngineText> result, Func<EngineText, TResponse> map) =>
        result.Value is { } text ? TypedResults.Ok(map(text)) : ApiResults.Validation(result.Error!);
}
