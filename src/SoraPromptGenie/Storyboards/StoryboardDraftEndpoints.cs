using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Ops.RateLimiting;

namespace SoraPromptGenie.Storyboards;

/// <summary>Writing a storyboard from an idea: an AI endpoint under the AI rate limit, answering upstream failures as the others do.</summary>
public static class StoryboardDraftEndpoints
{
    public static IEndpointRouteBuilder MapStoryboardDrafts(this IEndpointRouteBuilder api)
    {
        api.MapGroup(string.Empty).WithTags("Storyboards").RequireRateLimiting(RateLimits.Ai).ProducesUpstreamErrors()
            .MapPost("/storyboards/draft", DraftAsync)
            .WithName("DraftStoryboard")
            .WithSummary("Draft a storyboard from an idea: 2 to 12 shots with continuity, each of a length the target allows.");
        return api;
    }

    public static IServiceCollection AddStoryboardDrafts(this IServiceCollection services) => services.AddSingleton<StoryboardDrafting>();

    private static async Task<Results<Ok<DraftStoryboardResponse>, ApiErrorResult>> DraftAsync(
        DraftStoryboardRequest request, StoryboardDrafting drafting, CancellationToken cancellationToken)
    {
        var result = await drafting.DraftAsync(request.Idea, request.Target, request.Shots, request.TotalSeconds, cancellationToken);
        return result.Value is { } drafted
            ? TypedResults.Ok(new DraftStoryboardResponse(drafted.Storyboard)
            {
                Engine = drafted.Engine,
                FallbackReason = drafted.FallbackReason,
                Usage = drafted.Usage,
                Cached = drafted.Cached,
                Warnings = drafted.Warnings ?? [],
            })
            : ApiResults.Validation(result.Error!);
    }
}
