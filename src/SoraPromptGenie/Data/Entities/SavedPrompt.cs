namespace SoraPromptGenie.Data.Entities;

/// <summary>A prompt in a workspace's library: its current state; history lives in <see cref="PromptVersion"/>.</summary>
public sealed class SavedPrompt
{
    public Guid Id { get; set; }

    public Guid WorkspaceId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    /// <summary>Sora parameters: model id, size (<c>1280x720</c>) and seconds, as Sora's API takes them.</summary>
    public string? Model { get; set; }

    public string? Size { get; set; }

    public string? Seconds { get; set; }

    /// <summary>The video-model target profile id the prompt is written for, when one was chosen.</summary>
    public string? Target { get; set; }

    /// <summary>The target's export parameters by the names its API uses: a JSON object of strings, or null.</summary>
    public string? Parameters { get; set; }

    /// <summary>Number of the newest version; the concurrency token and the ETag.</summary>
    public int CurrentVersion { get; set; }

    /// <summary>SHA-256 of the read-only share token, when a share link is active.</summary>
    public byte[]? ShareTokenHash { get; set; }

    /// <summary>
    /// The share token, encrypted with the app's data-protection keys, so the owner can copy the link again; null for links
    /// made before it was kept (those can only be replaced).
    /// </summary>
    public string? ShareTokenProtected { get; set; }

    /// <summary>The version the share link shows; null: it follows every later save.</summary>
    public int? SharePinnedVersion { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<PromptVersion> Versions { get; set; } = [];
}
