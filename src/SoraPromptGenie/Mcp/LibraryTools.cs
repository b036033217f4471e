using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Library;
using SoraPromptGenie.Ops.Errors;

namespace SoraPromptGenie.Mcp;

/// <summary>
/// The prompt library as MCP tools, on <see cref="LibraryService"/> with the checks and caps of the JSON API's
/// <c>/api/prompts</c>: each call opens the caller's workspace first (<see cref="McpWorkspace"/>; without a key that opens
/// one the answer is a tool error with the code <c>unauthorized</c>) and over HTTP spends the client's general limit.
/// </summary>
[McpServerToolType]
public sealed class LibraryTools(ToolRunner runner, McpWorkspace workspace, LibraryService library, TargetCatalog targets, TimeProvider time)
{
    private const string KeyNote = " Needs a workspace key (see the server's docs/mcp.md).";

    [McpServerTool(Name = "save_prompt", Title = "Save a prompt to the library", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(PromptResponse))]
    [Description("Saves a prompt to the caller's library as a new prompt (version 1), optionally with the target it is written for and that target's request parameters." + KeyNote)]
    public Task<CallToolResult> SavePromptAsync(
        [Description("The prompt text, 1 to 10,000 characters.")] string text,
        [Description("A title of up to 200 characters; without one the prompt is named after its first words, as the studio names it.")] string? title = null,
        [Description("The video-model target profile id the prompt is written for (see list_targets); optional.")] string? target = null,
        [Description("That target's request parameters by its API's names with values as text, for example {\"duration\": \"8\"}; only with a target, allowed values as list_targets lists them.")] Dictionary<string, string>? parameters = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("save_prompt", ToolBudget.Library, async ct =>
        {
            var (workspaceId, refusal) = await workspace.OpenAsync(ct);
            if (refusal is not null)
            {
                return refusal;
            }

            var request = new PromptRequest
            {
                Title = title ?? (text is null ? null : DefaultTitle.For(text, time.GetUtcNow())),
                Text = text,
                Target = target,
                Parameters = parameters?.ToDictionary(p => p.Key, string? (p) => p.Value, StringComparer.Ordinal),
            };
            if (FirstProblem(request) is { } problem)
            {
                return Invalid(problem);
            }

            var (draft, targetProblem) = request.ToDraft(targets);
            if (draft is null)
            {
                return Invalid(targetProblem!);
            }

            var saved = await library.CreatePromptAsync(workspaceId!.Value, draft, ct);
            return saved.Outcome switch
            {
                SaveOutcome.Saved => ToolAnswer.Of(saved.Prompt!, $"Saved \"{saved.Prompt!.Title}\" as version 1, id {saved.Prompt.Id}."),
                SaveOutcome.LimitReached => Invalid(saved.Problem!),

                // The empty workspace expired between opening it and the write.
                _ => workspace.NoLibrary(),
            };
        }, cancellationToken);

    [McpServerTool(Name = "list_prompts", Title = "List saved prompts", ReadOnly = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(PromptPage))]
    [Description("Lists the prompts in the caller's library, newest first, a page at a time, optionally only those whose title or text contains a search term. Each has an id for get_prompt." + KeyNote)]
    public Task<CallToolResult> ListPromptsAsync(
        [Description("Search term matched against title and text, case-insensitively; up to 200 characters; optional.")] string? query = null,
        [Description("Page number, 1 or more; default 1.")] int? page = null,
        [Description("Prompts per page, 1 to 100; default 20.")] int? pageSize = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("list_prompts", ToolBudget.Library, async ct =>
        {
            var (workspaceId, refusal) = await workspace.OpenAsync(ct);
            if (refusal is not null)
            {
                return refusal;
            }

            if (LibraryEndpoints.ListQueryProblem(page, pageSize, query) is { } problem)
            {
                return Invalid(problem);
            }

            var found = await library.ListPromptsAsync(workspaceId!.Value, query, page ?? 1, pageSize ?? LibraryEndpoints.DefaultPageSize, ct);
            var lines = found.Items.Select(p =>
                string.Create(CultureInfo.InvariantCulture, $"- {p.Id}: {p.Title} (version {p.Version}, saved {p.UpdatedAt:yyyy-MM-dd HH:mm} UTC)"));
            var summary = string.Create(CultureInfo.InvariantCulture, $"{found.Total} prompt(s); page {found.Page}, {found.PageSize} a page.");
            return ToolAnswer.Of(found, found.Items.Count == 0 ? summary : string.Join('\n', lines) + "\n\n" + summary);
        }, cancellationToken);

    [McpServerTool(Name = "get_prompt", Title = "Get a saved prompt", ReadOnly = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(PromptResponse))]
    [Description("Gets one prompt of the caller's library by its id (from list_prompts or save_prompt): title, text, version, target and parameters." + KeyNote)]
    public Task<CallToolResult> GetPromptAsync(
        [Description("The prompt's id, a GUID such as 0195f3a2-7c1e-7b3a-9d4e-2f6a8b1c0d3e.")] string id,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("get_prompt", ToolBudget.Library, async ct =>
        {
            var (workspaceId, refusal) = await workspace.OpenAsync(ct);
            if (refusal is not null)
            {
                return refusal;
            }

            if (!Guid.TryParse(id, out var promptId))
            {
                return Invalid("id must be a prompt id, a GUID as list_prompts lists it.");
            }

            if (await library.GetPromptAsync(workspaceId!.Value, promptId, ct) is not { } prompt)
            {
                return ToolAnswer.Failed(ErrorCodes.NotFound, "No such prompt in this workspace.");
            }

            var target = prompt.Target is null ? string.Empty : $"\nTarget: {prompt.Target}";
            return ToolAnswer.Of(prompt, $"{prompt.Title} (version {prompt.Version}){target}\n\n{prompt.Text}");
        }, cancellationToken);

    /// <summary>The first message the API's annotations give for the request, in the order of its fields.</summary>
    private static string? FirstProblem(PromptRequest request)
    {
        var problems = new List<ValidationResult>();
        return Validator.TryValidateObject(request, new ValidationContext(request), problems, validateAllProperties: true)
            ? null
            : problems[0].ErrorMessage;
    }

    private static ToolAnswer Invalid(string message) => ToolAnswer.Failed(ErrorCodes.ValidationFailed, message);
}
