using Microsoft.AspNetCore.Mvc;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Data;
using SoraPromptGenie.Ops.Errors;

namespace SoraPromptGenie.Library;

/// <summary>
/// Saved prompts with version history, owned by anonymous workspaces. Another workspace's ids answer 404 exactly
/// like unknown ids. Writes use optimistic concurrency: the ETag is the version number and PUT needs If-Match.
/// </summary>
public static class LibraryEndpoints
{
    public const int DefaultPageSize = 20;
    private const int MaxSearchLength = 200;

    public static IEndpointRouteBuilder MapLibrary(this IEndpointRouteBuilder api)
    {
        api.MapPost("/workspaces", CreateWorkspaceAsync).UsesDatabase()
            .WithTags("Library").WithName("CreateWorkspace").WithSummary("Create an anonymous workspace; its key is shown once.");
        api.MapGet("/shared/{token}", GetSharedAsync).UsesDatabase().ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithTags("Library").WithName("GetSharedPrompt").WithSummary("Read a prompt through its share link.");

        var prompts = api.MapGroup("/prompts").WithTags("Library").RequireWorkspace().UsesDatabase();
        prompts.MapPost("/", CreateAsync).WithName("CreatePrompt").WithSummary("Save a new prompt (version 1).");
        prompts.MapGet("/", ListAsync).ProducesApiErrors(StatusCodes.Status400BadRequest)
            .WithName("ListPrompts").WithSummary("List the workspace's prompts, newest first, paged, with optional search.");
        prompts.MapGet("/{id:guid}", GetAsync).ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithName("GetPrompt").WithSummary("Get a prompt; the ETag is its version.");
        prompts.MapPut("/{id:guid}", UpdateAsync).ProducesApiErrors(StatusCodes.Status404NotFound).ChecksIfMatch(required: true)
            .WithName("UpdatePrompt").WithSummary("Save an edit as a new version; requires If-Match.");
        prompts.MapDelete("/{id:guid}", DeleteAsync).ProducesApiErrors(StatusCodes.Status404NotFound).ChecksIfMatch(required: false)
            .WithName("DeletePrompt").WithSummary("Delete a prompt and its history.");
        prompts.MapGet("/{id:guid}/versions", ListVersionsAsync).ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithName("ListPromptVersions").WithSummary("A prompt's versions, newest first, paged like the prompt list, with optional search.");
        prompts.MapPost("/{id:guid}/versions/{number:int}/restore", RestoreAsync).ProducesApiErrors(StatusCodes.Status404NotFound).ChecksIfMatch(required: false)
            .WithName("RestorePromptVersion").WithSummary("Make an old version current again, as a new version.");
        prompts.MapPost("/{id:guid}/share", ShareAsync).ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithName("SharePrompt").WithSummary("Create a read-only share link (replaces the previous one).");
        prompts.MapDelete("/{id:guid}/share", RevokeShareAsync).ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithName("RevokeShare").WithSummary("Revoke the prompt's share link.");
        return api;
    }

    private static async Task<Created<CreatedWorkspace>> CreateWorkspaceAsync(LibraryService library, CancellationToken cancellationToken)
    {
        var workspace = await library.CreateWorkspaceAsync(cancellationToken);
        return TypedResults.Created((string?)null, workspace);
    }

    private static async Task<Results<Ok<SharedPromptResponse>, ApiErrorResult>> GetSharedAsync(
        string token, LibraryService library, CancellationToken cancellationToken) =>
        await library.GetSharedAsync(token, cancellationToken) is { } shared ? TypedResults.Ok(shared) : ApiResults.NotFound("This share link does not exist or was revoked.");

    private static async Task<Results<Created<PromptResponse>, ApiErrorResult>> CreateAsync(
        PromptRequest request,
        HttpContext http,
        CurrentWorkspace workspace,
        LibraryService library,
        TargetCatalog targets,
        CancellationToken cancellationToken)
    {
        var (draft, problem) = request.ToDraft(targets);
        if (draft is null)
        {
            return ApiResults.Validation(problem!);
        }

        var result = await library.CreatePromptAsync(workspace.Id, draft, cancellationToken);
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                VersionPreconditions.SetETag(http, result.Prompt!.Version);
                return TypedResults.Created($"/api/prompts/{result.Prompt.Id}", result.Prompt);
            case SaveOutcome.LimitReached:
                return ApiResults.Validation(result.Problem!);
            default:
                // The workspace expired between authentication and the write.
                return WorkspaceAuth.Unauthorized(http.Response);
        }
    }

    private static async Task<Results<Ok<PromptPage>, ApiErrorResult>> ListAsync(
        [FromQuery] int? page, [FromQuery] int? pageSize, [FromQuery] string? q, CurrentWorkspace workspace, LibraryService library, CancellationToken cancellationToken)
    {
        if (ListQueryProblem(page, pageSize, q) is { } problem)
        {
            return ApiResults.Validation(problem);
        }

        return TypedResults.Ok(await library.ListPromptsAsync(workspace.Id, q, page ?? 1, pageSize ?? DefaultPageSize, cancellationToken));
    }

    /// <summary>The query parameters both paged lists take: <c>page</c>, <c>pageSize</c> and the search <c>q</c>.</summary>
    internal static string? ListQueryProblem(int? page, int? pageSize, string? q) =>
        page is < 1 || pageSize is < 1 or > LibraryService.MaxPageSize ? "page must be 1 or more and pageSize from 1 to 100."
        : q is { Length: > MaxSearchLength } ? "q must be at most 200 characters."
        : LibraryText.HasNul(q) ? "q must not contain a NUL character (%00)."
        : null;

    private static async Task<Results<Ok<PromptResponse>, ApiErrorResult>> GetAsync(
        Guid id, HttpContext http, CurrentWorkspace workspace, LibraryService library, CancellationToken cancellationToken)
    {
        if (await library.GetPromptAsync(workspace.Id, id, cancellationToken) is not { } prompt)
        {
            return PromptNotFound();
        }

        VersionPreconditions.SetETag(http, prompt.Version);
        return TypedResults.Ok(prompt);
    }

    private static async Task<Results<Ok<PromptResponse>, ApiErrorResult>> UpdateAsync(
        Guid id,
        PromptRequest request,
        HttpContext http,
        CurrentWorkspace workspace,
        LibraryService library,
        TargetCatalog targets,
        CancellationToken cancellationToken)
    {
        // The body is checked before If-Match, as its annotations are.
        var (draft, problem) = request.ToDraft(targets);
        if (draft is null)
        {
            return ApiResults.Validation(problem!);
        }

        var precondition = VersionPreconditions.ReadIfMatch(http.Request, required: true, "prompt");
        if (precondition.Error is { } error)
        {
            return error;
        }

        var result = precondition.Version is { } expected
            ? await library.UpdatePromptAsync(workspace.Id, id, expected, draft, cancellationToken)
            : await UpdateAnyAsync(library, workspace.Id, id, draft, cancellationToken);
        return Respond(http, result);
    }

    /// <summary><c>If-Match: *</c>: the caller accepts overwriting whatever version is current.</summary>
    private static async Task<SaveResult> UpdateAnyAsync(LibraryService library, Guid workspace, Guid id, PromptDraft draft, CancellationToken cancellationToken)
    {
        var current = await library.GetPromptAsync(workspace, id, cancellationToken);
        return current is null
            ? new SaveResult(SaveOutcome.NotFound)
            : await library.UpdatePromptAsync(workspace, id, current.Version, draft, cancellationToken);
    }

    private static async Task<Results<NoContent, ApiErrorResult>> DeleteAsync(
        Guid id, HttpContext http, CurrentWorkspace workspace, LibraryService library, CancellationToken cancellationToken)
    {
        var precondition = VersionPreconditions.ReadIfMatch(http.Request, required: false, "prompt");
        if (precondition.Error is { } error)
        {
            return error;
        }

        return await library.DeletePromptAsync(workspace.Id, id, precondition.Version, cancellationToken) switch
        {
            SaveOutcome.Saved => TypedResults.NoContent(),
            SaveOutcome.Stale => VersionPreconditions.Stale(),
            _ => PromptNotFound(),
        };
    }

    private static async Task<Results<Ok<VersionList>, ApiErrorResult>> ListVersionsAsync(
        Guid id,
        [FromQuery] int? page,
        [FromQuery] int? pageSize,
        [FromQuery] string? q,
        CurrentWorkspace workspace,
        LibraryService library,
        CancellationToken cancellationToken)
    {
        if (ListQueryProblem(page, pageSize, q) is { } problem)
        {
            return ApiResults.Validation(problem);
        }

        return await library.ListVersionsAsync(workspace.Id, id, q, page ?? 1, pageSize ?? DefaultPageSize, cancellationToken) is { } versions
            ? TypedResults.Ok(versions)
            : PromptNotFound();
    }

    private static async Task<Results<Ok<PromptResponse>, ApiErrorResult>> RestoreAsync(
        Guid id, int number, HttpContext http, CurrentWorkspace workspace, LibraryService library, CancellationToken cancellationToken)
    {
        var precondition = VersionPreconditions.ReadIfMatch(http.Request, required: false, "prompt");
        if (precondition.Error is { } error)
        {
            return error;
        }

        var result = await library.RestoreVersionAsync(workspace.Id, id, number, precondition.Version, cancellationToken);
        return result.Outcome == SaveOutcome.NotFound ? ApiResults.NotFound("No such prompt or version.") : Respond(http, result);
    }

    /// <summary><c>?pin=true</c> makes the link a snapshot of the current version; without it the link follows later saves.</summary>
    private static async Task<Results<Ok<ShareResponse>, ApiErrorResult>> ShareAsync(
        Guid id, [FromQuery] bool? pin, CurrentWorkspace workspace, LibraryService library, CancellationToken cancellationToken) =>
        await library.ShareAsync(workspace.Id, id, pin ?? false, cancellationToken) is { Token: { } token } link
            ? TypedResults.Ok(new ShareResponse(token, $"/api/shared/{token}", link.PinnedVersion))
            : PromptNotFound();

    private static async Task<Results<NoContent, ApiErrorResult>> RevokeShareAsync(
        Guid id, CurrentWorkspace workspace, LibraryService library, CancellationToken cancellationToken) =>
        await library.RevokeShareAsync(workspace.Id, id, cancellationToken) ? TypedResults.NoContent() : PromptNotFound();

    private static Results<Ok<PromptResponse>, ApiErrorResult> Respond(HttpContext http, SaveResult result)
    {
        switch (result.Outcome)
        {
            case SaveOutcome.Saved or SaveOutcome.Unchanged:
                VersionPreconditions.SetETag(http, result.Prompt!.Version);
                return TypedResults.Ok(result.Prompt);
            case SaveOutcome.Stale:
                VersionPreconditions.SetETag(http, result.CurrentVersion!.Value);
                return VersionPreconditions.Stale();
            case SaveOutcome.LimitReached:
                return ApiResults.Validation(result.Problem!);
            default:
                return PromptNotFound();
        }
    }

    private static ApiErrorResult PromptNotFound() => ApiResults.NotFound("No such prompt in this workspace.");
}
