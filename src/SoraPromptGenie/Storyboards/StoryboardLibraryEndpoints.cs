using Microsoft.AspNetCore.Mvc;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Data;
using SoraPromptGenie.Library;
using SoraPromptGenie.Ops.Errors;

namespace SoraPromptGenie.Storyboards;

/// <summary>
/// Saved storyboards, under the prompt library's rules: the workspace key opens them, another workspace's ids answer 404,
/// the ETag is the version number and PUT needs If-Match. Ids are matched as GUIDs so other storyboard routes
/// (<c>/api/storyboards/draft</c>, ...) never collide with these.
/// </summary>
public static class StoryboardLibraryEndpoints
{
    private const string Resource = "storyboard";

    public static IEndpointRouteBuilder MapStoryboardLibrary(this IEndpointRouteBuilder api)
    {
        api.MapGet("/shared/storyboards/{token}", GetSharedAsync).UsesDatabase().ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithTags("Storyboards").WithName("GetSharedStoryboard").WithSummary("Read a storyboard through its share link.");

        var storyboards = api.MapGroup("/storyboards").WithTags("Storyboards").RequireWorkspace().UsesDatabase();
        storyboards.MapPost("/", CreateAsync).ProducesApiErrors(StatusCodes.Status400BadRequest)
            .WithName("CreateStoryboard").WithSummary("Save a new storyboard (version 1).");
        storyboards.MapGet("/", ListAsync).ProducesApiErrors(StatusCodes.Status400BadRequest)
            .WithName("ListStoryboards").WithSummary("List the workspace's storyboards, newest first, paged, with optional title search.");
        storyboards.MapGet("/{id:guid}", GetAsync).ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithName("GetStoryboard").WithSummary("Get a storyboard; the ETag is its version.");
        storyboards.MapPut("/{id:guid}", UpdateAsync).ProducesApiErrors(StatusCodes.Status404NotFound).ChecksIfMatch(required: true)
            .WithName("UpdateStoryboard").WithSummary("Save an edit as a new version; requires If-Match.");
        storyboards.MapDelete("/{id:guid}", DeleteAsync).ProducesApiErrors(StatusCodes.Status404NotFound).ChecksIfMatch(required: false)
            .WithName("DeleteStoryboard").WithSummary("Delete a storyboard and its history.");
        storyboards.MapGet("/{id:guid}/versions", ListVersionsAsync).ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithName("ListStoryboardVersions").WithSummary("A storyboard's versions, newest first, paged like the list.");
        storyboards.MapPost("/{id:guid}/versions/{number:int}/restore", RestoreAsync).ProducesApiErrors(StatusCodes.Status404NotFound).ChecksIfMatch(required: false)
            .WithName("RestoreStoryboardVersion").WithSummary("Make an old version current again, as a new version.");
        storyboards.MapPost("/{id:guid}/share", ShareAsync).ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithName("ShareStoryboard").WithSummary("Create a read-only share link (replaces the previous one); ?pin=true makes it a snapshot.");
        storyboards.MapGet("/{id:guid}/share", GetShareAsync).ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithName("GetStoryboardShare").WithSummary("The storyboard's current share link, to copy it again.");
        storyboards.MapDelete("/{id:guid}/share", RevokeShareAsync).ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithName("RevokeStoryboardShare").WithSummary("Revoke the storyboard's share link.");
        return api;
    }

    private static async Task<Results<Ok<SharedStoryboardResponse>, ApiErrorResult>> GetSharedAsync(
        string token, StoryboardLibrary library, CancellationToken cancellationToken) =>
        await library.GetSharedAsync(token, cancellationToken) is { } shared
            ? TypedResults.Ok(shared)
            : ApiResults.NotFound("This share link does not exist or was revoked.");

    private static async Task<Results<Created<StoryboardResponse>, ApiErrorResult>> CreateAsync(
        StoryboardSaveRequest request,
        HttpContext http,
        CurrentWorkspace workspace,
        StoryboardLibrary library,
        TargetCatalog targets,
        CancellationToken cancellationToken)
    {
        var (draft, problem) = request.ToDraft(targets);
        if (draft is null)
        {
            return ApiResults.Validation(problem!);
        }

        var result = await library.CreateAsync(workspace.Id, draft, cancellationToken);
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                VersionPreconditions.SetETag(http, result.Storyboard!.Version);
                return TypedResults.Created($"/api/storyboards/{result.Storyboard.Id}", result.Storyboard);
            case SaveOutcome.LimitReached:
                return ApiResults.Validation(result.Problem!);
            default:
                // The workspace expired between authentication and the write.
                return WorkspaceAuth.Unauthorized(http.Response);
        }
    }

    private static async Task<Results<Ok<StoryboardListPage>, ApiErrorResult>> ListAsync(
        [FromQuery] int? page, [FromQuery] int? pageSize, [FromQuery] string? q, CurrentWorkspace workspace, StoryboardLibrary library, CancellationToken cancellationToken) =>
        LibraryEndpoints.ListQueryProblem(page, pageSize, q) is { } problem
            ? ApiResults.Validation(problem)
            : TypedResults.Ok(await library.ListAsync(workspace.Id, q, page ?? 1, pageSize ?? LibraryEndpoints.DefaultPageSize, cancellationToken));

    private static async Task<Results<Ok<StoryboardResponse>, ApiErrorResult>> GetAsync(
        Guid id, HttpContext http, CurrentWorkspace workspace, StoryboardLibrary library, CancellationToken cancellationToken)
    {
        if (await library.GetAsync(workspace.Id, id, cancellationToken) is not { } storyboard)
        {
            return NotFound();
        }

        VersionPreconditions.SetETag(http, storyboard.Version);
        return TypedResults.Ok(storyboard);
    }

    private static async Task<Results<Ok<StoryboardResponse>, ApiErrorResult>> UpdateAsync(
        Guid id,
        StoryboardSaveRequest request,
        HttpContext http,
        CurrentWorkspace workspace,
        StoryboardLibrary library,
        TargetCatalog targets,
        CancellationToken cancellationToken)
    {
        // The body is checked before If-Match, as the prompt library does.
        var (draft, problem) = request.ToDraft(targets);
        if (draft is null)
        {
            return ApiResults.Validation(problem!);
        }

        var precondition = VersionPreconditions.ReadIfMatch(http.Request, required: true, Resource);
        if (precondition.Error is { } error)
        {
            return error;
        }

        // If-Match: * lands on whatever version is newest.
        return Respond(http, await library.SaveAsync(workspace.Id, id, precondition.Version, draft, cancellationToken));
    }

    private static async Task<Results<NoContent, ApiErrorResult>> DeleteAsync(
        Guid id, HttpContext http, CurrentWorkspace workspace, StoryboardLibrary library, CancellationToken cancellationToken)
    {
        var precondition = VersionPreconditions.ReadIfMatch(http.Request, required: false, Resource);
        if (precondition.Error is { } error)
        {
            return error;
        }

        return await library.DeleteAsync(workspace.Id, id, precondition.Version, cancellationToken) switch
        {
            SaveOutcome.Saved => TypedResults.NoContent(),
            SaveOutcome.Stale => VersionPreconditions.Stale(),
            _ => NotFound(),
        };
    }

    private static async Task<Results<Ok<StoryboardVersionList>, ApiErrorResult>> ListVersionsAsync(
        Guid id,
        [FromQuery] int? page,
        [FromQuery] int? pageSize,
        [FromQuery] string? q,
        CurrentWorkspace workspace,
        StoryboardLibrary library,
        CancellationToken cancellationToken)
    {
        if (LibraryEndpoints.ListQueryProblem(page, pageSize, q) is { } problem)
        {
            return ApiResults.Validation(problem);
        }

        return await library.ListVersionsAsync(workspace.Id, id, q, page ?? 1, pageSize ?? LibraryEndpoints.DefaultPageSize, cancellationToken) is { } versions
            ? TypedResults.Ok(versions)
            : NotFound();
    }

    private static async Task<Results<Ok<StoryboardResponse>, ApiErrorResult>> RestoreAsync(
        Guid id, int number, HttpContext http, CurrentWorkspace workspace, StoryboardLibrary library, CancellationToken cancellationToken)
    {
        var precondition = VersionPreconditions.ReadIfMatch(http.Request, required: false, Resource);
        if (precondition.Error is { } error)
        {
            return error;
        }

        var result = await library.RestoreVersionAsync(workspace.Id, id, number, precondition.Version, cancellationToken);
        return result.Outcome == SaveOutcome.NotFound ? ApiResults.NotFound("No such storyboard or version.") : Respond(http, result);
    }

    /// <summary><c>?pin=true</c> makes the link a snapshot of the current version; without it the link follows later saves.</summary>
    private static async Task<Results<Ok<StoryboardShareResponse>, ApiErrorResult>> ShareAsync(
        Guid id, [FromQuery] bool? pin, CurrentWorkspace workspace, StoryboardLibrary library, CancellationToken cancellationToken) =>
        await library.ShareAsync(workspace.Id, id, pin ?? false, cancellationToken) is { Token: { } token } link
            ? TypedResults.Ok(StoryboardShareResponse.For(token, link.PinnedVersion))
            : NotFound();

    private static async Task<Results<Ok<StoryboardShareResponse>, ApiErrorResult>> GetShareAsync(
        Guid id, CurrentWorkspace workspace, StoryboardLibrary library, CancellationToken cancellationToken) =>
        await library.GetShareAsync(workspace.Id, id, cancellationToken) is { Token: { } token } link
            ? TypedResults.Ok(StoryboardShareResponse.For(token, link.PinnedVersion))
            : ApiResults.NotFound("This storyboard has no share link to copy; create one with POST .../share.");

    private static async Task<Results<NoContent, ApiErrorResult>> RevokeShareAsync(
        Guid id, CurrentWorkspace workspace, StoryboardLibrary library, CancellationToken cancellationToken) =>
        await library.RevokeShareAsync(workspace.Id, id, cancellationToken) ? TypedResults.NoContent() : NotFound();

    private static Results<Ok<StoryboardResponse>, ApiErrorResult> Respond(HttpContext http, StoryboardSaveResult result)
    {
        switch (result.Outcome)
        {
            case SaveOutcome.Saved or SaveOutcome.Unchanged:
                VersionPreconditions.SetETag(http, result.Storyboard!.Version);
                return TypedResults.Ok(result.Storyboard);
            case SaveOutcome.Stale:
                VersionPreconditions.SetETag(http, result.CurrentVersion!.Value);
                return VersionPreconditions.Stale();
            case SaveOutcome.LimitReached:
                return ApiResults.Validation(result.Problem!);
            default:
                return NotFound();
        }
    }

    private static ApiErrorResult NotFound() => ApiResults.NotFound("No such storyboard in this workspace.");
}
