using System.ComponentModel.DataAnnotations;
using SoraPromptGenie.Core.Storyboards;
using SoraPromptGenie.Prompting;

namespace SoraPromptGenie.Storyboards;

public sealed record DraftStoryboardRequest
{
    /// <summary>The idea, three words or more.</summary>
    [Required(ErrorMessage = StoryboardDrafting.TooFewWordsMessage)]
    public string? Idea { get; init; }

    /// <summary>A target id from <c>GET /api/targets</c>: write the shots for that video model, with lengths it allows.</summary>
    [StringLength(64, ErrorMessage = "target must be at most 64 characters.")]
    public string? Target { get; init; }

    /// <summary>How many shots, 2 to 12 (default 4, or what <see cref="TotalSeconds"/> needs).</summary>
    [Range(StoryboardLimits.MinShots, StoryboardLimits.MaxShots, ErrorMessage = "shots must be an integer from 2 to 12.")]
    public int? Shots { get; init; }

    /// <summary>The storyboard's length in seconds, split across the shots.</summary>
    [Range(1, StoryboardLimits.MaxShots * StoryboardLimits.MaxShotSeconds, ErrorMessage = "totalSeconds must be a positive integer of at most 720.")]
    public int? TotalSeconds { get; init; }
}

/// <summary>The drafted storyboard (its <c>target</c> set when the request named one) and what was changed or left out.</summary>
public sealed record DraftStoryboardResponse(Storyboard Storyboard) : AiResponse;
