namespace SoraPromptGenie.Core.Engines;

/// <summary>An enhancement to merge into a prompt. <see cref="Category"/> is a catalog category id.</summary>
public sealed record EnhancementSpec(string Title, string Description, string Category);

/// <summary>A suggested enhancement card. Offline suggestions use catalog ids; LLM ones get fresh slugs.</summary>
public sealed record Suggestion(string Id, string Title, string Description, string Category);

public enum PromptOperation
{
    Enhance,
    Merge,
    Suggest,
    Expand,
    Structure,

    /// <summary>Drafts a storyboard from an idea.</summary>
    Storyboard,
}

/// <summary>Which kind of engine wrote an answer.</summary>
public enum EngineKind
{
    Llm,
    Offline,
}

/// <summary>
/// Engine labels as the wire, the log and the ledger carry them: <c>openrouter:&lt;model&gt;</c> or
/// <c>&lt;base-host&gt;:&lt;model&gt;</c> for a model, <c>offline</c> for the offline engine.
/// </summary>
public static class EngineLabels
{
    public const string Offline = "offline";

    public static string Llm(string prefix, string model) => $"{prefix}:{model}";

    public static EngineKind KindOf(string label) =>
        string.Equals(label, Offline, StringComparison.Ordinal) ? EngineKind.Offline : EngineKind.Llm;
}

/// <summary>Token counts and cost of one call, when the upstream reports them.</summary>
public sealed record EngineUsage(long? InputTokens, long? OutputTokens, decimal? Cost = null);

/// <summary>
/// What every answer carries. <see cref="Engine"/> is the wire label (see <see cref="EngineLabels"/>).
/// <see cref="FallbackReason"/> is the error code of the upstream failure when the offline engine answered in the LLM's
/// place. <see cref="Cached"/> is set when a stored answer was reused instead of calling the model.
/// </summary>
public abstract record EngineResult(string Engine, EngineUsage? Usage, string? FallbackReason, bool Cached)
{
    public EngineKind Kind => EngineLabels.KindOf(Engine);
}

/// <summary>
/// The text an engine produced. <see cref="Warnings"/> tells the user what was changed to keep the text a valid prompt
/// (for example, shortened to the length limit).
/// </summary>
public sealed record EngineText(
    string Text,
    string Engine,
    EngineUsage? Usage = null,
    string? FallbackReason = null,
    bool Cached = false,
    IReadOnlyList<string>? Warnings = null) : EngineResult(Engine, Usage, FallbackReason, Cached);

public sealed record EngineSuggestions(
    IReadOnlyList<Suggestion> Suggestions,
    string Engine,
    EngineUsage? Usage = null,
    string? FallbackReason = null,
    bool Cached = false) : EngineResult(Engine, Usage, FallbackReason, Cached);

/// <summary>What to suggest: a catalog category, how many cards, and the prompt they should fit.</summary>
public sealed record SuggestionRequest(Catalog.Category Category, int Count, string? CurrentPrompt) : EngineOperation<EngineSuggestions>
{
    public override PromptOperation Operation => PromptOperation.Suggest;
}

/// <summary>One piece of a streamed answer: a text delta, or the final chunk with engine and usage.</summary>
public sealed record EngineStreamChunk(string Delta, EngineText? Final = null);
