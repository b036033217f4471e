using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Library;
using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Ops.RateLimiting;

namespace SoraPromptGenie.Prompting;

/// <summary>
/// The original SoraPromptGenie AI endpoints, wire-compatible, each under the AI rate limit. The text-producing ones
/// take an optional <c>promptId</c> (with the workspace key) to save the result as a new version of a saved prompt;
/// suggestions produce cards, not prompt text, so there is nothing to save for them. Each takes an optional <c>target</c>
/// (a profile id of <c>GET /api/targets</c>) to write for that video model; an unknown id is a 400.
/// </summary>
public static class PromptingEndpoints
{
    public static RouteGroupBuilder MapPrompting(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(string.Empty).WithTags("Prompting").RequireRateLimiting(RateLimits.Ai).ProducesUpstreamErrors();
        group.MapPost("/enhance-prompt", EnhanceAsync)
            .WithName("EnhancePrompt").WithSummary("Merge one enhancement, or several (one per category) in one call, into a prompt.")
            .SavesToLibrary();
        group.MapPost("/generate-suggestions", SuggestAsync)
            .WithName("GenerateSuggestions").WithSummary("Suggest fresh enhancement cards for a category.");
        group.MapPost("/auto-generate-prompt", ExpandAsync)
            .WithName("AutoGeneratePrompt").WithSummary("Expand a basic idea of three words or more into a cinematic prompt.")
            .SavesToLibrary();
        group.MapPost("/structure-prompt", StructureAsync)
            .WithName("StructurePrompt").WithSummary("Restructure a prompt into the Sora 2 prompting guide's template.")
            .SavesToLibrary();
        return group;
    }

    // The event stream is listed before the JSON answer: the API description keeps one answer per status code, the last
    // one listed, and the JSON body is the documented contract (docs/api.md describes the stream).
    private static async Task<Results<ServerSentEventsResult<string>, Ok<EnhancePromptResponse>, ApiErrorResult>> EnhanceAsync(
        EnhancePromptRequest request,
        PromptStudio studio,
        PromptCatalog catalog,
        TargetCatalog targets,
        AiResultSaver saver,
        PromptStreaming streaming,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var (target, unknownTarget) = targets.Named(request.Target);
        if (unknownTarget is not null)
        {
            return ApiResults.Validation(unknownTarget);
        }

        var streamed = PromptStreaming.WantsEventStream(http.Request);
        if (streamed && request.PromptId is not null)
        {
            return ApiResults.Validation(PromptStreaming.NotSavedMessage);
        }

        var enhancements = EnhancementsOf(request);
        if (enhancements.Value is not { } chosen)
        {
            return ApiResults.Validation(enhancements.Error!);
        }

        if (streamed)
        {
            return await StreamAsync(studio.StreamEnhance(request.CurrentPrompt, chosen, cancellationToken, request.Fresh == true, target), EnhancedResponse, streaming, http);
        }

        if (await saver.CheckTargetAsync(request.PromptId, http) is { } denied)
        {
            return denied;
        }

        var result = await studio.EnhanceAsync(request.CurrentPrompt, chosen, cancellationToken, request.Fresh == true, target);
        if (result.Value is not { } text)
        {
            return ApiResults.Validation(result.Error!);
        }

        var source = new VersionSource(
            chosen.Count > 1 ? VersionOperations.Preset : VersionOperations.Enhance,
            [.. chosen.Select(e => EnhancementId(catalog, e))],
            text.Engine);
        var (version, error) = await saver.SaveAsync(request.PromptId, text.Text, source, cancellationToken);
        return error is null ? TypedResults.Ok(EnhancedResponse(text) with { SavedVersion = version }) : error;
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

    private static EnhancePromptResponse EnhancedResponse(EngineText text) =>
        new(text.Text) { Engine = text.Engine, FallbackReason = text.FallbackReason, Usage = text.Usage, Cached = text.Cached, Warnings = text.Warnings };

    private static AutoGeneratePromptResponse GeneratedResponse(EngineText text) =>
        new(text.Text) { Engine = text.Engine, FallbackReason = text.FallbackReason, Usage = text.Usage, Cached = text.Cached, Warnings = text.Warnings };

    private static StructurePromptResponse StructuredResponse(EngineText text) =>
        new(text.Text) { Engine = text.Engine, FallbackReason = text.FallbackReason, Usage = text.Usage, Cached = text.Cached, Warnings = text.Warnings };

    private static async Task<Results<Ok<GenerateSuggestionsResponse>, ApiErrorResult>> SuggestAsync(
        GenerateSuggestionsRequest request, PromptStudio studio, TargetCatalog targets, CancellationToken cancellationToken)
    {
        var (target, unknownTarget) = targets.Named(request.Target);
        if (unknownTarget is not null)
        {
            return ApiResults.Validation(unknownTarget);
        }

        var result = await studio.SuggestAsync(request.Category, request.Count, request.CurrentPrompt, cancellationToken, request.Fresh == true, target);
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

    private static async Task<Results<ServerSentEventsResult<string>, Ok<AutoGeneratePromptResponse>, ApiErrorResult>> ExpandAsync(
        AutoGeneratePromptRequest request,
        PromptStudio studio,
        TargetCatalog targets,
        AiResultSaver saver,
        PromptStreaming streaming,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var (target, unknownTarget) = targets.Named(request.Target);
        if (unknownTarget is not null)
        {
            return ApiResults.Validation(unknownTarget);
        }

        return await AnswerTextAsync(
            request.PromptId,
            () => studio.StreamExpand(request.BasicPrompt, cancellationToken, request.Fresh == true, target),
            () => studio.ExpandAsync(request.BasicPrompt, cancellationToken, request.Fresh == true, target),
            VersionOperations.AutoGenerate,
            (text, version) => GeneratedResponse(text) with { SavedVersion = version },
            saver,
            streaming,
            http,
            cancellationToken);
    }

    private static async Task<Results<ServerSentEventsResult<string>, Ok<StructurePromptResponse>, ApiErrorResult>> StructureAsync(
        StructurePromptRequest request,
        PromptStudio studio,
        TargetCatalog targets,
        AiResultSaver saver,
        PromptStreaming streaming,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var (target, unknownTarget) = targets.Named(request.Target);
        if (unknownTarget is not null)
        {
            return ApiResults.Validation(unknownTarget);
        }

        return await AnswerTextAsync(
            request.PromptId,
            () => studio.StreamStructure(request.CurrentPrompt, cancellationToken, request.Fresh == true, target),
            () => studio.StructureAsync(request.CurrentPrompt, cancellationToken, request.Fresh == true, target),
            VersionOperations.Structure,
            (text, version) => StructuredResponse(text) with { SavedVersion = version },
            saver,
            streaming,
            http,
            cancellationToken);
    }

    /// <summary>
    /// A text operation's two branches: streamed (never saved, so <c>promptId</c> is refused), or run, answered as JSON
    /// and saved as a version when the request names <c>promptId</c> (the target is checked before the model is asked).
    /// </summary>
    private static async Task<Results<ServerSentEventsResult<string>, Ok<TResponse>, ApiErrorResult>> AnswerTextAsync<TResponse>(
        Guid? promptId,
        Func<StudioResult<IAsyncEnumerable<EngineStreamChunk>>> stream,
        Func<Task<StudioResult<EngineText>>> run,
        string operation,
        Func<EngineText, int?, TResponse> respond,
        AiResultSaver saver,
        PromptStreaming streaming,
        HttpContext http,
        CancellationToken cancellationToken)
        where TResponse : AiResponse
    {
        if (PromptStreaming.WantsEventStream(http.Request))
        {
            return promptId is null
                ? await StreamAsync(stream(), text => respond(text, null), streaming, http)
                : ApiResults.Validation(PromptStreaming.NotSavedMessage);
        }

        if (await saver.CheckTargetAsync(promptId, http) is { } denied)
        {
            return denied;
        }

        return await RespondAsync(await run(), promptId, saver, operation, respond, cancellationToken);
    }

    /// <summary>The stream branch: the operation's domain checks answer 400 JSON, else the answer streams as events.</summary>
    private static async Task<Results<ServerSentEventsResult<string>, Ok<TResponse>, ApiErrorResult>> StreamAsync<TResponse>(
        StudioResult<IAsyncEnumerable<EngineStreamChunk>> started, Func<EngineText, TResponse> done, PromptStreaming streaming, HttpContext http)
        where TResponse : AiResponse
    {
        if (started.Value is not { } chunks)
        {
            return ApiResults.Validation(started.Error!);
        }

        return await streaming.StartAsync(chunks, done, http.TraceIdentifier, http.RequestAborted);
    }

    private static async Task<Results<ServerSentEventsResult<string>, Ok<TResponse>, ApiErrorResult>> RespondAsync<TResponse>(
        StudioResult<EngineText> result,
        Guid? promptId,
        AiResultSaver saver,
        string operation,
        Func<EngineText, int?, TResponse> map,
        CancellationToken cancellationToken)
    {
        if (result.Value is not { } text)
        {
            return ApiResults.Validation(result.Error!);
        }

        var (version, error) = await saver.SaveAsync(promptId, text.Text, new VersionSource(operation, Engine: text.Engine), cancellationToken);
        return error is null ? TypedResults.Ok(map(text, version)) : error;
    }
}
