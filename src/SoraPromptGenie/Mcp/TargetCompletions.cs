using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Mcp;

/// <summary>
/// Completes a target id as it is typed (completion/complete): the <c>target</c> argument of the prompts and the
/// <c>id</c> of the target resource template, from the ids the server checks against.
/// </summary>
public static class TargetCompletions
{
    public static ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Params;
        var completesTarget = request?.Ref switch
        {
            PromptReference => request.Argument.Name == "target",
            ResourceTemplateReference { Uri: PromptResources.TargetUriTemplate } => request.Argument.Name == "id",
            _ => false,
        };
        if (!completesTarget)
        {
            return ValueTask.FromResult(new CompleteResult());
        }

        var typed = request!.Argument.Value ?? string.Empty;
        var ids = context.Services!.GetRequiredService<TargetCatalog>().Ids
            .Where(id => id.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return ValueTask.FromResult(new CompleteResult { Completion = new Completion { Values = ids, Total = ids.Count, HasMore = false } });
    }
}
