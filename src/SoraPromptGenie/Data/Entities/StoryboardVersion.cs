namespace SoraPromptGenie.Data.Entities;

/// <summary>One immutable snapshot of a storyboard, numbered 1, 2, 3... without gaps.</summary>
public sealed class StoryboardVersion
{
    public Guid Id { get; set; }

    public Guid StoryboardId { get; set; }

    public int Number { get; set; }

    public string Title { get; set; } = string.Empty;

    /// <summary>The storyboard as it was (see <see cref="SavedStoryboard.Document"/>).</summary>
    public string Document { get; set; } = string.Empty;

    /// <summary>What produced it: <c>manual</c>, <c>draft</c>, <c>enhance</c>, <c>structure</c>, <c>restore</c>.</summary>
    public string Operation { get; set; } = string.Empty;

    /// <summary>The engine label of the AI operation (<c>openrouter:&lt;model&gt;</c>, <c>offline</c>).</summary>
    public string? Engine { get; set; }

    /// <summary>For <c>restore</c>: the version whose content was restored.</summary>
    public int? RestoredFrom { get; set; }

    public DateTime CreatedAt { get; set; }
}
