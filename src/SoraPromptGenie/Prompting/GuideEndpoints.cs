using SoraPromptGenie.Core.Lint;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Ops.Errors;

namespace SoraPromptGenie.Prompting;

/// <summary>The deterministic helpers (no LLM): prompt lint against the Sora guide or a target, and the Sora request export.</summary>
public static class GuideEndpoints
{
    public const string DefaultTarget = "sora-2";

    public static IEndpointRouteBuilder MapGuide(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(string.Empty).WithTags("Guide");
        group.MapPost("/lint-prompt", Lint)
            .WithName("LintPrompt").WithSummary("Score a prompt against the Sora 2 prompting guide, plus a target's rules when one is named (deterministic, no LLM).");
        group.MapPost("/sora-request", BuildRequest)
            .WithName("BuildSoraRequest").WithSummary("The request body for the video API and an equivalent curl command.");
        return api;
    }

    /// <summary>Lints the text as sent, so finding spans index into the caller's own text (CRLF included).</summary>
    private static Results<Ok<LintReport>, ApiErrorResult> Lint(
        LintPromptRequest request, PromptLinter linter, PromptInput input, TargetCatalog targets)
    {
        var prompt = input.Prompt("prompt", request.Prompt);
        if (!prompt.Succeeded)
        {
            return ApiResults.Validation(prompt.Error!);
        }

        var (target, error) = targets.Named(request.Target);
        return error is null
            ? TypedResults.Ok(linter.Lint(request.Prompt ?? string.Empty, target))
            : ApiResults.Validation(error);
    }

    private static Results<Ok<SoraRequestResponse>, ApiErrorResult> BuildRequest(
        SoraRequestRequest request, VideoRequestBuilder builder, PromptInput input)
    {
        var prompt = input.Prompt("prompt", request.Prompt);
        if (prompt.Value is not { } text)
        {
            return ApiResults.Validation(prompt.Error!);
        }

        var result = builder.Build(new VideoRequestInput(text, request.Model ?? DefaultTarget, request.Size, request.Seconds));
        if (!result.Succeeded)
        {
            return ApiResults.Validation(string.Join(" ", result.Errors));
        }

        var target = result.Target;
        return TypedResults.Ok(new SoraRequestResponse(
            result.Body,
            result.Curl,
            target.Request!.Method,
            target.Request.Url,
            target.Request.Encoding,
            new SoraRequestTarget(target.Id, target.DisplayName, result.Status, target.RetiredOn, target.Note)));
    }
}

public sealed record SoraRequestTarget(string Id, string DisplayName, string Status, DateOnly? RetiredOn, string? Note);

/// <summary>The ready request: <see cref="Body"/> holds the form fields in wire order, every value a string.</summary>
public sealed record SoraRequestResponse(
    IReadOnlyDictionary<string, string> Body,
    string Curl,
    string Method,
    string Url,
    string Encoding,
    SoraRequestTarget Target);
