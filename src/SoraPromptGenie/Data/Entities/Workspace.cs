namespace SoraPromptGenie.Data.Entities;

/// <summary>An anonymous owner of prompts. Only the SHA-256 of its key is stored; the key is shown once.</summary>
public sealed class Workspace
{
    public Guid Id { get; set; }

    public byte[] KeyHash { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}
