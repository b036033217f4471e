using Microsoft.Extensions.Options;
using SoraPromptGenie.Data;
using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Prompting;

namespace SoraPromptGenie.Library;

/// <summary>
/// Lets an AI endpoint record its result as a new version of a saved prompt (<c>promptId</c> plus the workspace key).
/// The target is checked before the model is called, so a wrong id or key costs no LLM call.
/// </summary>
public static class AiResultSaving
{
    /// <summary>
    /// Placed before the streaming filter: a streamed answer is not saved, so <c>promptId</c> with
    /// <c>Accept: text/event-stream</c> is refused instead of being silently ignored. Declares what saving can answer:
    /// 401 without the workspace key, 404 for a prompt not in the workspace, 412 when concurrent writers keep winning
    /// the race for the next version, 503 when the database is down.
    /// </summary>
    public static RouteHandlerBuilder SavesToLibrary<TRequest>(this RouteHandlerBuilder builder, Func<TRequest, Guid?> promptId)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(promptId);
        return builder.AddEndpointFilter(async (context, next) =>
            PromptStreaming.WantsEventStream(context.HttpContext.Request)
            && context.Arguments.OfType<TRequest>().FirstOrDefault() is { } request
            && promptId(request) is not null
                ? ApiResults.Validation("promptId cannot be combined with a streamed answer (Accept: text/event-stream); send the request as plain JSON to save the result.")
                : await next(context))
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed)
            .UsesDatabase();
    }

    /// <summary>
    /// Null when there is nothing to save or the caller may save into the prompt; else the error to answer (also when the
    /// prompt has no room for another version, so a full prompt costs no LLM call).
    /// </summary>
    public static async Task<ApiErrorResult?> CheckTargetAsync(Guid? promptId, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (promptId is not { } id)
        {
            return null;
        }

        if (await WorkspaceAuth.AuthenticateAsync(http) is not { } workspace)
        {
            return WorkspaceAuth.Unauthorized(http);
        }

        var library = http.RequestServices.GetRequiredService<LibraryService>();
        return await library.CanAddVersionAsync(workspace, id, http.RequestAborted) switch
        {
            (Exists: false, _) => ApiResults.NotFound("No such prompt in this workspace."),
            (_, HasRoom: false) => ApiResults.Validation(http.RequestServices.GetRequiredService<IOptions<LibraryOptions>>().Value.VersionLimitMessage),
            _ => null,
        };
    }

    /// <summary>Saves <paramref name="text"/> as the prompt's next version; returns its number, or the error to answer.</summary>
    public static async Task<(int? Version, ApiErrorResult? Error)> SaveAsync(Guid? promptId, HttpContext http, string text, VersionSource source)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (promptId is not { } id || string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        var library = http.RequestServices.GetRequiredService<LibraryService>();
        var result = await library.SaveTextVersionAsync(WorkspaceAuth.Current(http), id, text, source, expectedVersion: null, http.RequestAborted);
        return result.Outcome switch
        {
            SaveOutcome.Saved or SaveOutcome.Unchanged => (result.Prompt!.Version, null),
            SaveOutcome.NotFound => (null, ApiResults.NotFound("No such prompt in this workspace.")),
            SaveOutcome.LimitReached => (null, ApiResults.Validation(result.Problem!)),
            _ => (null, ApiResults.Error(StatusCodes.Status412PreconditionFailed, ErrorCodes.PreconditionFailed,
                "The prompt kept changing while the result was saved; try again.")),
        };
    }
}
