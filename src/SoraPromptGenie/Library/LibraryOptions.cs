using System.Globalization;
using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Library;

/// <summary>
/// How much one anonymous workspace may hold, and how long an empty one is kept. Bound from <c>Library:*</c>. The caps
/// bound what a single key can make the database store; the rate limits bound how fast it gets there.
/// </summary>
public sealed class LibraryOptions
{
    public const string SectionName = "Library";

    [WholeNumber(1, 1_000_000, GroupDigits = true)]
    public int MaxPromptsPerWorkspace { get; set; } = 500;

    [WholeNumber(1, 1_000_000, GroupDigits = true)]
    public int MaxVersionsPerPrompt { get; set; } = 200;

    /// <summary>Storyboards are kept apart from prompts: each holds up to twelve shots, so one weighs as much as many prompts.</summary>
    [WholeNumber(1, 1_000_000, GroupDigits = true)]
    public int MaxStoryboardsPerWorkspace { get; set; } = 100;

    /// <summary>A workspace without prompts or storyboards and unused for this many days is deleted; 0 keeps empty workspaces forever.</summary>
    [WholeNumber(0, 36_500, GroupDigits = true)]
    public int EmptyWorkspaceRetentionDays { get; set; } = 30;

    public string PromptLimitMessage =>
        $"This library already holds {MaxPromptsPerWorkspace.ToString("N0", CultureInfo.InvariantCulture)} prompts, the most it can keep; delete one to save another.";

    public string StoryboardLimitMessage =>
        $"This library already holds {MaxStoryboardsPerWorkspace.ToString("N0", CultureInfo.InvariantCulture)} storyboards, the most it can keep; delete one to save another.";

    /// <summary>Storyboards keep as many versions as prompts do.</summary>
    public string StoryboardVersionLimitMessage =>
        $"This storyboard already has {MaxVersionsPerPrompt.ToString("N0", CultureInfo.InvariantCulture)} versions, the most one storyboard can keep; save it as a new storyboard to go on.";

    public string VersionLimitMessage =>
        $"This prompt already has {MaxVersionsPerPrompt.ToString("N0", CultureInfo.InvariantCulture)} versions, the most one prompt can keep; save it as a new prompt to go on.";
}
