using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using SoraPromptGenie.Core.Storyboards;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Library;

namespace SoraPromptGenie.Storyboards;

/// <summary>
/// Body of POST /api/storyboards and PUT /api/storyboards/{id}: the whole storyboard in its wire shape, and what produced
/// it (<c>manual</c> when not said, or the AI operation and its engine).
/// </summary>
public sealed record StoryboardSaveRequest
{
    public Storyboard? Storyboard { get; init; }

    [StringLength(32, ErrorMessage = "operation must be at most 32 characters.")]
    [StorableText]
    public string? Operation { get; init; }

    [StringLength(200, ErrorMessage = "engine must be at most 200 characters.")]
    [StorableText]
    public string? Engine { get; init; }

    /// <summary>The draft to save, with the storyboard, its target and the operation checked; else the message for the 400.</summary>
    public (StoryboardSaveDraft? Draft, string? Error) ToDraft(TargetCatalog targets)
    {
        if (StoryboardCheck.FirstProblem(Storyboard) is { } problem)
        {
            return (null, problem);
        }

        if (StoryboardOperations.ProblemWith(Operation) is { } badOperation)
        {
            return (null, badOperation);
        }

        var parameters = Storyboard!.Parameters?.ToDictionary(p => p.Key, string? (p) => p.Value, StringComparer.Ordinal);
        var (choice, targetProblem) = SavedTarget.Check(targets, Storyboard.Target, parameters);
        if (targetProblem is not null)
        {
            return (null, targetProblem);
        }

        var title = string.IsNullOrWhiteSpace(Storyboard.Title) ? null : Storyboard.Title.Trim();
        var storyboard = Storyboard with
        {
            Title = title,
            Target = choice?.Target,
            Parameters = choice?.Parameters,
            Continuity = Storyboard.Continuity is { } continuity
                ? continuity with { Characters = continuity.Characters ?? [] }
                : new StoryboardContinuity([]),
        };
        var operation = string.IsNullOrWhiteSpace(Operation) ? VersionOperations.Manual : Operation.Trim().ToLowerInvariant();
        return (new StoryboardSaveDraft(storyboard, new VersionSource(operation, Engine: string.IsNullOrWhiteSpace(Engine) ? null : Engine.Trim())), null);
    }
}

/// <summary>
/// A checked storyboard to save and what produced it. Its title may be null: a new storyboard is then named after its
/// first shot, and an edit keeps the saved title.
/// </summary>
public sealed record StoryboardSaveDraft(Storyboard Storyboard, VersionSource Source);

/// <summary>What may produce a storyboard version; <c>restore</c> is written only by the restore endpoint.</summary>
public static class StoryboardOperations
{
    public const string Draft = "draft";

    /// <summary>The operations a client may name when it saves.</summary>
    public static readonly IReadOnlyList<string> Saved = [VersionOperations.Manual, Draft, VersionOperations.Enhance, VersionOperations.Structure];

    public static string? ProblemWith(string? operation) =>
        string.IsNullOrWhiteSpace(operation) || Saved.Contains(operation.Trim().ToLowerInvariant())
            ? null
            : $"operation must be one of {string.Join(", ", Saved)}.";
}

public sealed record StoryboardResponse(
    Guid Id,
    string Title,
    Storyboard Storyboard,
    int ShotCount,
    int TotalSeconds,
    int Version,
    bool Shared,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Target = null);

public sealed record StoryboardSummary(Guid Id, string Title, int ShotCount, int TotalSeconds, string? Target, int Version, DateTime UpdatedAt);

public sealed record StoryboardListPage(IReadOnlyList<StoryboardSummary> Items, int Page, int PageSize, int Total);

public sealed record StoryboardVersionResponse(
    int Number,
    string Title,
    Storyboard Storyboard,
    int ShotCount,
    int TotalSeconds,
    string Operation,
    string? Engine,
    int? RestoredFrom,
    DateTime CreatedAt);

/// <summary>A page of a storyboard's versions, newest first, in the list's envelope (items, page, pageSize, total).</summary>
public sealed record StoryboardVersionList(
    Guid StoryboardId, int CurrentVersion, IReadOnlyList<StoryboardVersionResponse> Items, int Page, int PageSize, int Total);

/// <summary>A storyboard's share link: the JSON address, the read-only page, and the version it is pinned to (null: it follows saves).</summary>
public sealed record StoryboardShareResponse(
    string Token,
    string Url,
    string PageUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PinnedVersion = null)
{
    public static StoryboardShareResponse For(string token, int? pinnedVersion) =>
        new(token, $"/api/shared/storyboards/{token}", $"/s/{token}", pinnedVersion);
}

/// <summary>What a storyboard share link shows; <see cref="PinnedVersion"/> is set (and equals <see cref="Version"/>) for a snapshot.</summary>
public sealed record SharedStoryboardResponse(
    string Title,
    Storyboard Storyboard,
    int ShotCount,
    int TotalSeconds,
    int Version,
    DateTime UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PinnedVersion = null);

/// <summary>The result of a write: the storyboard as it now is, or why nothing was written.</summary>
public sealed record StoryboardSaveResult(
    SaveOutcome Outcome, StoryboardResponse? Storyboard = null, int? CurrentVersion = null, string? Problem = null);
