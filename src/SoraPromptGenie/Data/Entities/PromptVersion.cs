namespace SoraPromptGenie.Data.Entities;

/// <summary>One immutable snapshot of a prompt, numbered 1, 2, 3... without gaps.</summary>
public sealed class PromptVersion
{
    public Guid Id { get; set; }

    public Guid PromptId { get; set; }

    public int Number { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public string? Model { get; set; }

    public string? Size { get; set; }

    public string? Seconds { get; set; }

    /// <summary>The target profile id the version was saved for (see <see cref="SavedPrompt.Target"/>).</summary>
    public string? Target { get; set; }

    /// <summary>The target's export parameters as a JSON object of strings (see <see cref="SavedPrompt.Parameters"/>).</summary>
    public string? Parameters { get; set; }

    /// <summary>What produced it: <c>manual</c>, <c>enhance</c>, <c>preset</c>, <c>auto-generate</c>, <c>structure</c>, <c>restore</c>.</summary>
    public string Operation { get; set; } = string.Empty;

    /// <summary>Catalog enhancement ids (or categories) the operation applied, comma-separated.</summary>
    public string? EnhancementIds { get; set; }

    /// <summary>The engine label of the AI operation (<c>openrouter:&lt;model&gt;</c>, <c>offline</c>).</summary>
    public string? Engine { get; set; }

    /// <summary>For <c>restore</c>: the version whose content was restored.</summary>
    public int? RestoredFrom { get; set; }

    public DateTime CreatedAt { get; set; }
}
