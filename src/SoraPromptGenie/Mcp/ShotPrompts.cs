using System.ComponentModel;
using System.Globalization;
using System.Text;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SoraPromptGenie.Core.Engines.Prompts;
using SoraPromptGenie.Core.Lint;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Mcp;

/// <summary>
/// Prompt templates for the client's own model: the instructions the product's engines give their model for the same job
/// (<see cref="ExpandPrompt"/>, <see cref="StructurePrompt"/>), written for the chosen target with its layout, rules and
/// guidance, followed by the user's text. The advice is the engines' own, so a shot written here follows the same guide
/// as one the tools write.
/// </summary>
[McpServerPromptType]
public sealed class ShotPrompts(TargetCatalog targets, PromptLinter linter)
{
    public const string TargetArgumentDescription = "The video-model target profile id (see list_targets), for example veo-3.1 or sora-2.";

    [McpServerPrompt(Name = "write_shot", Title = "Write a shot for a target")]
    [Description("Asks your model to write one shot from an idea as a prompt for the chosen video model, following that model's layout, limits and prompting advice.")]
    public GetPromptResult WriteShot(
        [Description("The idea in plain words, for example 'a fox crossing a snowy road at night'.")] string idea,
        [Description(TargetArgumentDescription)] string target)
    {
        var profile = Require(target);
        return Answer($"Write a shot for {profile.DisplayName}", ExpandPrompt.For(profile) + "\n" + ExpandPrompt.BuildUserMessage(idea));
    }

    [McpServerPrompt(Name = "improve_prompt", Title = "Improve this prompt for a target")]
    [Description("Asks your model to rework a prompt for the chosen video model: into that model's layout, within its limits and advice, with the findings of the product's guide check for that target.")]
    public GetPromptResult ImprovePrompt(
        [Description("The prompt to improve.")] string prompt,
        [Description(TargetArgumentDescription)] string target)
    {
        var profile = Require(target);
        var text = new StringBuilder(StructurePrompt.For(profile)).Append('\n').Append(StructurePrompt.BuildUserMessage(prompt));
        var report = linter.Lint(prompt, profile);
        if (report.Findings.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nThe guide check for {profile.DisplayName} scored it {report.Score}/100:\n");
            foreach (var finding in report.Findings)
            {
                text.Append("- ").Append(finding.Message).Append('\n');
            }
        }

        return Answer($"Improve a prompt for {profile.DisplayName}", text.ToString());
    }

    private TargetProfile Require(string target)
    {
        var (profile, unknown) = targets.Named(target);
        return profile ?? throw new McpProtocolException(unknown ?? "target is required: " + TargetArgumentDescription, McpErrorCode.InvalidParams);
    }

    private static GetPromptResult Answer(string description, string text) => new()
    {
        Description = description,
        Messages = [new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = text } }],
    };
}
