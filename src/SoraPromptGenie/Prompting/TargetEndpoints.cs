using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Ops.Errors;

namespace SoraPromptGenie.Prompting;

/// <summary>
/// The video-model targets (deterministic, no LLM): their profiles with status computed from their dates, and the request
/// export for every target with an API. Same rate-limit policy as the Sora request export.
/// </summary>
public static class TargetEndpoints
{
    public static IEndpointRouteBuilder MapTargets(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(string.Empty).WithTags("Targets");
        group.MapGet("/targets", GetTargets)
            .WithName("GetTargets").WithSummary("Video model profiles with their computed status, dates, parameters, prompt limit and guidance.");
        group.MapPost("/video-request", BuildVideoRequest)
            .WithName("BuildVideoRequest").WithSummary("The request for a video model's API: body, headers with the key as $VARIABLE, curl and poll commands.");
        return api;
    }

    private static Ok<IReadOnlyList<TargetSummary>> GetTargets(TargetCatalog targets) =>
        TypedResults.Ok<IReadOnlyList<TargetSummary>>([.. targets.All.Select(t => TargetSummary.Of(t, targets.StatusOf(t)))]);

    private static Results<Ok<VideoRequestResponse>, ApiErrorResult> BuildVideoRequest(
        VideoRequestRequest request, VideoRequestBuilder builder, PromptInput input)
    {
        var prompt = input.Prompt("prompt", request.Prompt);
        if (prompt.Value is not { } text)
        {
            return ApiResults.Validation(prompt.Error!);
        }

        string? negative = null;
        if (request.NegativePrompt is not null)
        {
            var checkedNegative = input.Prompt("negativePrompt", request.NegativePrompt);
            if (checkedNegative.Value is null)
            {
                return ApiResults.Validation(checkedNegative.Error!);
            }

            negative = checkedNegative.Value;
        }

        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Parameters ?? [])
        {
            var field = $"parameters.{name}";
            if (PromptInput.Characters("a parameter name", name).Error is { } badName)
            {
                return ApiResults.Validation(badName);
            }

            if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
            {
                return ApiResults.Validation($"{field} must be a string, a number or true/false.");
            }

            if (!TryReadValue(value, out var given))
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, "The request body is not valid JSON.");
            }

            if (given is not null && PromptInput.Characters(field, given).Error is { } badValue)
            {
                return ApiResults.Validation(badValue);
            }

            parameters[name] = given;
        }

        var result = builder.Export(new VideoExportInput(request.Target, text, parameters, negative));
        return result.Succeeded
            ? TypedResults.Ok(VideoRequestResponse.Of(result.Export))
            : ApiResults.Validation(string.Join(" ", result.Errors));
    }

    /// <summary>A parameter value as text; false when a string is not valid UTF-8 (a JsonElement checks it only when read).</summary>
    private static bool TryReadValue(JsonElement value, out string? text)
    {
        try
        {
            text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                JsonValueKind.Number => value.GetRawText(),
                _ => value.ValueKind == JsonValueKind.True ? "true" : "false",
            };
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }
}

public sealed record VideoRequestRequest
{
    [Required(ErrorMessage = "target is required.")]
    [StringLength(64, ErrorMessage = "target must be at most 64 characters.")]
    public string? Target { get; init; }

    [Required(ErrorMessage = "prompt is required.")]
    public string? Prompt { get; init; }

    /// <summary>Values by the target API's own field names (a nested field by its last segment): strings, numbers or booleans.</summary>
    public Dictionary<string, JsonElement>? Parameters { get; init; }

    public string? NegativePrompt { get; init; }
}

public sealed record VideoRequestTarget(
    string Id,
    string DisplayName,
    string Status,
    DateOnly? RetiresOn,
    DateOnly? RetiredOn,
    bool Verified,
    string? Note);

/// <summary>The ready request for one target; <see cref="Poll"/> is there for an async API, <see cref="Result"/> for a sync one.</summary>
public sealed record VideoRequestResponse(
    VideoRequestTarget Target,
    string Method,
    string Url,
    IReadOnlyDictionary<string, string> Headers,
    JsonObject Body,
    string Encoding,
    string Curl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] VideoPollCommand? Poll,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Result,
    IReadOnlyList<string> Warnings)
{
    public static VideoRequestResponse Of(VideoExport export)
    {
        var target = export.Target;
        return new VideoRequestResponse(
            new VideoRequestTarget(target.Id, target.DisplayName, export.Status, target.RetiresOn, target.RetiredOn, target.Verified, target.Note),
            export.Method,
            export.Url,
            export.Headers,
            export.Body,
            export.Encoding,
            export.Curl,
            export.Poll,
            export.Result,
            export.Warnings);
    }
}

public sealed record TargetParameterSummary(
    string Name,
    string Path,
    string Type,
    IReadOnlyList<string> Allowed,
    string? Default,
    bool Required,
    bool Verified,
    string? Description);

public sealed record TargetLimitSummary(int Max, string Unit, bool Verified);

/// <summary>A profile as <c>GET /api/targets</c> lists it; <see cref="Status"/> is computed from the dates today.</summary>
public sealed record TargetSummary(
    string Id,
    string DisplayName,
    string Provider,
    string Api,
    string? Model,
    string Status,
    bool IsRetired,
    DateOnly? RetiresOn,
    DateOnly? RetiredOn,
    bool Verified,
    string? Note,
    string? Method,
    string? Url,
    string? Encoding,
    string? ApiKeyVariable,
    IReadOnlyList<TargetParameterSummary> Parameters,
    TargetLimitSummary? PromptLimit,
    string? Negatives,
    string? Audio,
    string? Flow,
    IReadOnlyList<string> Guidance,
    IReadOnlyList<string> Unverified,
    TargetStoryboardSummary Storyboard)
{
    public static TargetSummary Of(TargetProfile target, string status) => new(
        target.Id,
        target.DisplayName,
        target.Provider,
        target.Api,
        target.Model,
        status,
        status == TargetStatus.Retired,
        target.RetiresOn,
        target.RetiredOn,
        target.Verified,
        target.Note,
        target.Request?.Method,
        target.Request?.Url,
        target.Request?.Encoding,
        target.Request?.Auth.Variable,
        [.. target.Parameters.Select(p => new TargetParameterSummary(p.Name, p.Path, p.Type, p.Values, p.Default, p.Required, p.Verified, p.Description))],
        target.PromptLimit is { } limit ? new TargetLimitSummary(limit.Max, limit.Unit, limit.Verified) : null,
        target.Negatives?.Mode,
        target.Audio?.Mode,
        target.Flow?.Mode,
        [.. target.Guidance.Select(g => g.Text)],
        [.. target.Unverified.Select(u => u.Text)],
        TargetStoryboardSummary.Of(target.Multishot));
}

/// <summary>How a target takes a storyboard (<c>per-shot</c>, <c>multi-prompt</c>, <c>timecodes</c>, <c>beats</c>, <c>shot-list</c>).</summary>
public sealed record TargetStoryboardSummary(
    string Mode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MaxShots,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MaxTotalSeconds,
    bool Verified,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Advice)
{
    public static TargetStoryboardSummary Of(TargetStoryboard storyboard)
    {
        ArgumentNullException.ThrowIfNull(storyboard);
        return new(storyboard.Mode, storyboard.MaxShots, storyboard.MaxTotalSeconds, storyboard.Verified, storyboard.Advice);
    }
}
