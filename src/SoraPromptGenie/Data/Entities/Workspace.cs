namespace SoraPromptGenie.Data.Entities;

/// <summary>An anonymous owner of prompts. Only the SHA-256 of its key is stored; the key is shown once.</summary>
public sealed class Workspace
{
    public Guid Id { get; set; }

    public byte[] KeyHash { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    /// <summary>When its key last opened it (to within an hour) or a prompt was saved in it; empty ones expire from here.</summary>
    public DateTime LastUsedAt { get; set; }
}
