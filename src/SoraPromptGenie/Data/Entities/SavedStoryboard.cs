namespace SoraPromptGenie.Data.Entities;

/// <summary>A storyboard in a workspace's library: its current state; history lives in <see cref="StoryboardVersion"/>.</summary>
public sealed class SavedStoryboard
{
    public Guid Id { get; set; }

    public Guid WorkspaceId { get; set; }

    public string Title { get; set; } = string.Empty;

    /// <summary>The storyboard (shots, continuity, title, target, parameters) as JSON in the API's wire shape.</summary>
    public string Document { get; set; } = string.Empty;

    /// <summary>The video-model target profile id the storyboard is written for, when one was chosen.</summary>
    public string? Target { get; set; }

    /// <summary>How many shots the document holds, so the list need not read documents.</summary>
    public int ShotCount { get; set; }

    /// <summary>The shots' seconds added up.</summary>
    public int TotalSeconds { get; set; }

    /// <summary>Number of the newest version; the concurrency token and the ETag.</summary>
    public int CurrentVersion { get; set; }

    /// <summary>SHA-256 of the read-only share token, when a share link is active.</summary>
    public byte[]? ShareTokenHash { get; set; }

    /// <summary>The share token, encrypted with the app's data-protection keys, so the owner can copy the link again.</summary>
    public string? ShareTokenProtected { get; set; }

    /// <summary>The version the share link shows; null: it follows every later save.</summary>
    public int? SharePinnedVersion { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<StoryboardVersion> Versions { get; set; } = [];
}
