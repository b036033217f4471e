using System.Text.Json.Serialization;
using SoraPromptGenie.Core.Lint;
using SoraPromptGenie.Core.Storyboards;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Library;
using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Prompting;

namespace SoraPromptGenie.Storyboards;

/// <summary>Lint and export of a storyboard sent in the request: deterministic, no model, nothing stored.</summary>
public static class StoryboardExportEndpoints
{
    public static IServiceCollection AddStoryboardExport(this IServiceCollection services) =>
        services.AddSingleton<StoryboardLinter>().AddSingleton<StoryboardExporter>();

    public static IEndpointRouteBuilder MapStoryboardExport(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/storyboards").WithTags("Storyboards");
        group.MapPost("/lint", Lint)
            .WithName("LintStoryboard").WithSummary("Score every shot and check the storyboard's own rules for a target (deterministic, no LLM).");
        group.MapPost("/export", Export)
            .WithName("ExportStoryboard").WithSummary("The requests that make a storyboard with a target, one per shot or one for all, and its shot list.");
        return api;
    }

    private static Results<Ok<StoryboardLintResponse>, ApiErrorResult> Lint(
        StoryboardLintRequest request, StoryboardLinter linter, TargetCatalog targets)
    {
        if (StoryboardCheck.FirstProblem(request.Storyboard) is { } problem)
        {
            return ApiResults.Validation(problem);
        }

        var (target, error) = targets.Named(request.Target ?? request.Storyboard!.Target);
        if (error is not null)
        {
            return ApiResults.Validation(error);
        }

        var report = linter.Lint(request.Storyboard!, target);
        return TypedResults.Ok(new StoryboardLintResponse(report.Score, report.Findings, report.Shots, target?.Id));
    }

    private static Results<Ok<StoryboardExportResponse>, ApiErrorResult> Export(
        StoryboardExportRequest request, StoryboardExporter exporter)
    {
        if (StoryboardCheck.FirstProblem(request.Storyboard) is { } problem)
        {
            return ApiResults.Validation(problem);
        }

        if (string.IsNullOrWhiteSpace(request.Target ?? request.Storyboard!.Target))
        {
            return ApiResults.Validation("target is required.");
        }

        var result = exporter.Export(request.Storyboard!, request.Target, request.Parameters);
        return result.Export is { } export
            ? TypedResults.Ok(StoryboardExportResponse.Of(export))
            : ApiResults.Validation(string.Join(" ", result.Errors));
    }
}

public sealed record StoryboardLintRequest
{
    public Storyboard? Storyboard { get; init; }

    /// <summary>The target to lint for; without it, the storyboard's own target, else the general advice.</summary>
    public string? Target { get; init; }
}

public sealed record StoryboardLintResponse(
    int Score,
    IReadOnlyList<StoryboardFinding> Findings,
    IReadOnlyList<LintReport> Shots,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Target);

public sealed record StoryboardExportRequest
{
    public Storyboard? Storyboard { get; init; }

    /// <summary>The target to export for; without it, the storyboard's own target.</summary>
    public string? Target { get; init; }

    /// <summary>Values by the target API's own names, over the storyboard's own; strings, numbers or true/false.</summary>
    [JsonConverter(typeof(ParameterMapJsonConverter))]
    public Dictionary<string, string?>? Parameters { get; init; }
}

/// <summary>A request of the export and the shots it makes, in the shape <c>POST /api/video-request</c> answers.</summary>
public sealed record StoryboardRequestResponse(IReadOnlyList<int> Shots, VideoRequestResponse Request);

public sealed record StoryboardExportResponse(
    string Target, string Mode, IReadOnlyList<StoryboardRequestResponse> Requests, string ShotList, IReadOnlyList<string> Warnings)
{
    public static StoryboardExportResponse Of(StoryboardExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        return new(
            export.Target.Id,
            export.Mode,
            [.. export.Requests.Select(r => new StoryboardRequestResponse(r.Shots, VideoRequestResponse.Of(r.Export)))],
            export.ShotList,
            export.Warnings);
    }
}
