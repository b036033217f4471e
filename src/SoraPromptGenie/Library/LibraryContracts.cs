using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Data.Configurations;
using SoraPromptGenie.Ops;

namespace SoraPromptGenie.Library;

public sealed record CreatedWorkspace(Guid WorkspaceId, string Key);

/// <summary>Body of POST /api/prompts and PUT /api/prompts/{id}: the whole editable state of a prompt.</summary>
public sealed record PromptRequest
{
    [Required(ErrorMessage = "title is required.")]
    [StringLength(SavedPromptConfiguration.MaxTitleLength, MinimumLength = 1, ErrorMessage = "title must be 1 to 200 characters.")]
    [StorableText]
    public string? Title { get; init; }

    [Required(ErrorMessage = "text is required.")]
    [StringLength(SavedPromptConfiguration.MaxTextLength, MinimumLength = 1, ErrorMessage = "text must be 1 to 10,000 characters.")]
    [StorableText]
    public string? Text { get; init; }

    [StringLength(64, ErrorMessage = "model must be at most 64 characters.")]
    [StorableText]
    public string? Model { get; init; }

    [StringLength(32, ErrorMessage = "size must be at most 32 characters.")]
    [StorableText]
    public string? Size { get; init; }

    [JsonConverter(typeof(StringOrNumberJsonConverter))]
    [StringLength(8, ErrorMessage = "seconds must be at most 8 characters.")]
    [StorableText]
    public string? Seconds { get; init; }

    /// <summary>The target profile id the prompt is written for (<c>GET /api/targets</c>); checked by <see cref="SavedTarget"/>.</summary>
    [StringLength(SavedPromptConfiguration.MaxTargetLength, ErrorMessage = "target must be at most 64 characters.")]
    [StorableText]
    public string? Target { get; init; }

    /// <summary>The target's export parameters by its API's names: strings, numbers or true/false.</summary>
    [JsonConverter(typeof(ParameterMapJsonConverter))]
    public Dictionary<string, string?>? Parameters { get; init; }

    /// <summary>The draft to save, with the target checked against its profile; else the message for the 400.</summary>
    public (PromptDraft? Draft, string? Error) ToDraft(TargetCatalog targets)
    {
        var (choice, error) = SavedTarget.Check(targets, Target, Parameters);
        return error is not null
            ? (null, error)
            : (new PromptDraft(Title!.Trim(), Text!, Model?.Trim(), Size?.Trim(), Seconds?.Trim(), choice), null);
    }
}

/// <summary>A prompt's editable state as the service takes it; <see cref="Target"/> has been checked against its profile.</summary>
public sealed record PromptDraft(
    string Title, string Text, string? Model = null, string? Size = null, string? Seconds = null, TargetChoice? Target = null);

public sealed record PromptResponse(
    Guid Id,
    string Title,
    string Text,
    string? Model,
    string? Size,
    string? Seconds,
    int Version,
    bool Shared,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Target = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Parameters = null);

public sealed record PromptSummary(Guid Id, string Title, string Excerpt, int Version, DateTime UpdatedAt);

public sealed record PromptPage(IReadOnlyList<PromptSummary> Items, int Page, int PageSize, int Total);

public sealed record VersionResponse(
    int Number,
    string Title,
    string Text,
    string? Model,
    string? Size,
    string? Seconds,
    string Operation,
    IReadOnlyList<string> EnhancementIds,
    string? Engine,
    int? RestoredFrom,
    DateTime CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Target = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Parameters = null);

/// <summary>A page of a prompt's versions, newest first, in the prompt list's envelope (items, page, pageSize, total).</summary>
public sealed record VersionList(Guid PromptId, int CurrentVersion, IReadOnlyList<VersionResponse> Items, int Page, int PageSize, int Total);

public sealed record ShareResponse(
    string Token,
    string Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PinnedVersion = null);

/// <summary>A prompt's share link as its owner sees it.</summary>
/// <param name="Token">The token, or null for a link made before tokens were kept (it can only be replaced).</param>
/// <param name="PinnedVersion">The version the link shows; null: it follows every later save.</param>
public sealed record ShareLink(string? Token, int? PinnedVersion);

/// <summary>What a share link shows; <see cref="PinnedVersion"/> is set (and equals <see cref="Version"/>) when the link is a snapshot.</summary>
public sealed record SharedPromptResponse(
    string Title,
    string Text,
    string? Model,
    string? Size,
    string? Seconds,
    int Version,
    DateTime UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Target = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Parameters = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PinnedVersion = null);

/// <summary>What produced a version.</summary>
public static class VersionOperations
{
    public const string Manual = "manual";
    public const string Enhance = "enhance";
    public const string Preset = "preset";
    public const string AutoGenerate = "auto-generate";
    public const string Structure = "structure";
    public const string Restore = "restore";
}

/// <summary>Provenance of a new version: the operation, the enhancements applied, the engine that answered.</summary>
public sealed record VersionSource(string Operation, IReadOnlyList<string>? EnhancementIds = null, string? Engine = null, int? RestoredFrom = null);

public enum SaveOutcome
{
    Saved,
    Unchanged,
    NotFound,
    Stale,

    /// <summary>A cap of <see cref="LibraryOptions"/> is reached; <see cref="SaveResult.Problem"/> says which.</summary>
    LimitReached,
}

/// <summary>The result of a write: the prompt as it now is, or why nothing was written.</summary>
public sealed record SaveResult(SaveOutcome Outcome, PromptResponse? Prompt = null, int? CurrentVersion = null, string? Problem = null);
