using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;

namespace SoraPromptGenie.Prompting;

/// <summary>A studio operation's outcome: a value, or a message for the person who asked.</summary>
public readonly record struct StudioResult<T>(T? Value, string? Error)
{
    public bool Succeeded => Error is null;

    public static implicit operator StudioResult<T>(T value) => new(value, null);
}

public static class StudioResult
{
    public static StudioResult<T> Invalid<T>(string message) => new(default, message);

    public static StudioResult<T> Of<T>(T value) => new(value, null);
}

/// <summary>
/// One method per prompt operation, shared by the JSON API and the Blazor studio so both get the same rules. Domain
/// checks live here (catalog lookups, the three-word rule, one enhancement per category); transport checks (types,
/// lengths) are the API's DataAnnotations and the UI's own limits from <see cref="PromptLimits"/>.
/// </summary>
public sealed class PromptStudio(IPromptEngine engine, PromptCatalog catalog)
{
    public async Task<StudioResult<EngineText>> EnhanceAsync(
        string? currentPrompt, IReadOnlyList<EnhancementInput> enhancements, CancellationToken cancellationToken)
    {
        var specs = ToSpecs(enhancements);
        return specs.Value is { } valid
            ? await engine.EnhanceAsync(currentPrompt ?? string.Empty, valid, cancellationToken)
            : StudioResult.Invalid<EngineText>(specs.Error!);
    }

    /// <summary>The streamed form of <see cref="EnhanceAsync"/>: same checks, then deltas and a final chunk.</summary>
    public StudioResult<IAsyncEnumerable<EngineStreamChunk>> StreamEnhance(
        string? currentPrompt, IReadOnlyList<EnhancementInput> enhancements, CancellationToken cancellationToken)
    {
        var specs = ToSpecs(enhancements);
        return specs.Value is { } valid
            ? StudioResult.Of(engine.StreamAsync(new TextOperation.Enhance(currentPrompt ?? string.Empty, valid), cancellationToken))
            : StudioResult.Invalid<IAsyncEnumerable<EngineStreamChunk>>(specs.Error!);
    }

    /// <summary>
    /// Takes the cards in <paramref name="removing"/> out of the prompt and merges <paramref name="enhancements"/> (none,
    /// or one per category) in their place, leaving the rest of the text as it is; streamed like <see cref="StreamEnhance"/>.
    /// </summary>
    public StudioResult<IAsyncEnumerable<EngineStreamChunk>> StreamRevise(
        string? currentPrompt,
        IReadOnlyList<EnhancementInput> enhancements,
        IReadOnlyList<EnhancementInput> removing,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enhancements);
        ArgumentNullException.ThrowIfNull(removing);
        if (removing.Count == 0)
        {
            return StreamEnhance(currentPrompt, enhancements, cancellationToken);
        }

        var remove = ToSpecs(removing);
        var apply = enhancements.Count == 0 ? StudioResult.Of<IReadOnlyList<EnhancementSpec>>([]) : ToSpecs(enhancements);
        if (remove.Value is not { } removed || apply.Value is not { } applied)
        {
            return StudioResult.Invalid<IAsyncEnumerable<EngineStreamChunk>>(remove.Error ?? apply.Error!);
        }

        var operation = new TextOperation.Enhance(currentPrompt ?? string.Empty, applied) { Removing = removed };
        return StudioResult.Of(engine.StreamAsync(operation, cancellationToken));
    }

    public async Task<StudioResult<EngineSuggestions>> SuggestAsync(
        string? category, int? count, string? currentPrompt, CancellationToken cancellationToken)
    {
        if (catalog.FindCategory(category) is not { } found)
        {
            return StudioResult.Invalid<EngineSuggestions>(
                $"Unknown category '{category}'. Valid categories: {string.Join(", ", catalog.CategoryIds)}.");
        }

        var wanted = count ?? PromptLimits.DefaultSuggestions;
        if (wanted is < PromptLimits.MinSuggestions or > PromptLimits.MaxSuggestions)
        {
            return StudioResult.Invalid<EngineSuggestions>("count must be an integer from 1 to 20.");
        }

        var result = await engine.SuggestAsync(new SuggestionRequest(found, wanted, currentPrompt), cancellationToken);

        // Models return more than asked now and then; the contract is "at most count".
        return result.Suggestions.Count > wanted ? result with { Suggestions = [.. result.Suggestions.Take(wanted)] } : result;
    }

    public async Task<StudioResult<EngineText>> ExpandAsync(string? basicPrompt, CancellationToken cancellationToken)
    {
        if (CountWords(basicPrompt) < PromptLimits.MinBasicPromptWords)
        {
            return StudioResult.Invalid<EngineText>(PromptLimits.TooFewWordsMessage);
        }

        return await engine.ExpandAsync(basicPrompt!.Trim(), cancellationToken);
    }

    public async Task<StudioResult<EngineText>> StructureAsync(string? prompt, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(prompt)
            ? new EngineText(string.Empty, "offline")
            : await engine.StructureAsync(prompt, cancellationToken);

    /// <summary>The streamed form of <see cref="ExpandAsync"/>.</summary>
    public StudioResult<IAsyncEnumerable<EngineStreamChunk>> StreamExpand(string? basicPrompt, CancellationToken cancellationToken) =>
        CountWords(basicPrompt) < PromptLimits.MinBasicPromptWords
            ? StudioResult.Invalid<IAsyncEnumerable<EngineStreamChunk>>(PromptLimits.TooFewWordsMessage)
            : StudioResult.Of(engine.StreamAsync(new TextOperation.Expand(basicPrompt!.Trim()), cancellationToken));

    /// <summary>The streamed form of <see cref="StructureAsync"/>; empty in, one final chunk with empty text out.</summary>
    public StudioResult<IAsyncEnumerable<EngineStreamChunk>> StreamStructure(string? prompt, CancellationToken cancellationToken) =>
        StudioResult.Of(string.IsNullOrWhiteSpace(prompt)
            ? EmptyStructure()
            : engine.StreamAsync(new TextOperation.Structure(prompt), cancellationToken));

    public static int CountWords(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static async IAsyncEnumerable<EngineStreamChunk> EmptyStructure()
    {
        await Task.CompletedTask;
        yield return new EngineStreamChunk(string.Empty, new EngineText(string.Empty, "offline"));
    }

    private StudioResult<IReadOnlyList<EnhancementSpec>> ToSpecs(IReadOnlyList<EnhancementInput> enhancements)
    {
        if (enhancements.Count is 0 or > PromptLimits.MaxEnhancements)
        {
            return StudioResult.Invalid<IReadOnlyList<EnhancementSpec>>("Send one enhancement, or 1 to 12 enhancements, one per category.");
        }

        var specs = new List<EnhancementSpec>(enhancements.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var input in enhancements)
        {
            if (string.IsNullOrWhiteSpace(input.Title) || string.IsNullOrWhiteSpace(input.Category))
            {
                return StudioResult.Invalid<IReadOnlyList<EnhancementSpec>>("Each enhancement needs a title and a category.");
            }

            var category = catalog.FindCategory(input.Category)?.Id ?? input.Category.Trim();
            if (!seen.Add(category))
            {
                return StudioResult.Invalid<IReadOnlyList<EnhancementSpec>>($"Only one enhancement per category can be applied; '{category}' appears twice.");
            }

            specs.Add(new EnhancementSpec(input.Title.Trim(), input.Description?.Trim() ?? string.Empty, category));
        }

        return StudioResult.Of<IReadOnlyList<EnhancementSpec>>(specs);
    }
}
