using Microsoft.Extensions.Options;
using SoraPromptGenie.Data;
using SoraPromptGenie.Ops.Errors;

namespace SoraPromptGenie.Library;

/// <summary>
/// Records an AI operation's result as a new version of a saved prompt (<c>promptId</c> plus the workspace key). The
/// target is checked before the model is called, so a wrong id or key costs no LLM call.
/// </summary>
public sealed class AiResultSaver(LibraryService library, CurrentWorkspace workspace, IOptions<LibraryOptions> options)
{
    /// <summary>
    /// Null when there is nothing to save or the caller may save into the prompt; else the error to answer (also when the
    /// prompt has no room for another version, so a full prompt costs no LLM call).
    /// </summary>
    public async Task<ApiErrorResult?> CheckTargetAsync(Guid? promptId, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (promptId is not { } id)
        {
            return null;
        }

        if (!await workspace.AuthenticateAsync(http.Request, http.RequestAborted))
        {
            return WorkspaceAuth.Unauthorized(http.Response);
        }

        return await library.CanAddVersionAsync(workspace.Id, id, http.RequestAborted) switch
        {
            (Exists: false, _) => ApiResults.NotFound("No such prompt in this workspace."),
            (_, HasRoom: false) => ApiResults.Validation(options.Value.VersionLimitMessage),
            _ => null,
        };
    }

    /// <summary>
    /// Saves <paramref name="text"/> as the prompt's next version, after <see cref="CheckTargetAsync"/> let it through;
    /// returns its number, or the error to answer.
    /// </summary>
    public async Task<(int? Version, ApiErrorResult? Error)> SaveAsync(
        Guid? promptId, string text, VersionSource source, CancellationToken cancellationToken)
    {
        if (promptId is not { } id || string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        var result = await library.SaveTextVersionAsync(workspace.Id, id, text, source, expectedVersion: null, cancellationToken);
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

public static class AiResultSaverEndpoints
{
    /// <summary>
    /// Declares what saving a result with <c>promptId</c> can answer: 401 without the workspace key, 404 for a prompt not
    /// in the workspace, 412 when concurrent writers keep winning the race for the next version, 503 when the database is
    /// down.
    /// </summary>
    public static RouteHandlerBuilder SavesToLibrary(this RouteHandlerBuilder builder) =>
        builder.ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed)
            .UsesDatabase();
}
