using System.Runtime.CompilerServices;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Core.Text;

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
/// checks live here (catalog lookups, the three-word rule, one enhancement per category), and so do the prompt text
/// rules of <see cref="PromptInput"/> (characters, configured lengths), which bound what is sent to the model. Every
/// result leaves here as valid input for the next operation: control characters removed and, if it is longer than the
/// prompt limit, shortened to its last whole sentence that fits, with a warning saying so. <c>fresh</c> asks for a new
/// answer instead of a stored one; <c>target</c> writes for that video model (null: for the Sora 2 guide, as the original
/// API does).
/// </summary>
public sealed class PromptStudio(IPromptEngine engine, PromptCatalog catalog, PromptInput input)
{
    public async Task<StudioResult<EngineText>> EnhanceAsync(
        string? currentPrompt,
        IReadOnlyList<EnhancementInput> enhancements,
        CancellationToken cancellationToken,
        bool fresh = false,
        TargetProfile? target = null)
    {
        var prompt = input.Prompt("currentPrompt", currentPrompt);
        if (prompt.Value is not { } text)
        {
            return StudioResult.Invalid<EngineText>(prompt.Error!);
        }

        var specs = ToSpecs(enhancements);
        return specs.Value is { } valid
            ? Bound(await engine.RunAsync(new TextOperation.Enhance(text, valid) { Fresh = fresh, Target = target }, cancellationToken))
            : StudioResult.Invalid<EngineText>(specs.Error!);
    }

    /// <summary>The streamed form of <see cref="EnhanceAsync"/>: same checks, then deltas and a final chunk.</summary>
    public StudioResult<IAsyncEnumerable<EngineStreamChunk>> StreamEnhance(
        string? currentPrompt,
        IReadOnlyList<EnhancementInput> enhancements,
        CancellationToken cancellationToken,
        bool fresh = false,
        TargetProfile? target = null)
    {
        var prompt = input.Prompt("currentPrompt", currentPrompt);
        if (prompt.Value is not { } text)
        {
            return StudioResult.Invalid<IAsyncEnumerable<EngineStreamChunk>>(prompt.Error!);
        }

        var specs = ToSpecs(enhancements);
        return specs.Value is { } valid
            ? StudioResult.Of(Bound(engine.StreamAsync(new TextOperation.Enhance(text, valid) { Fresh = fresh, Target = target }, cancellationToken), cancellationToken))
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
        CancellationToken cancellationToken,
        TargetProfile? target = null)
    {
        ArgumentNullException.ThrowIfNull(enhancements);
        ArgumentNullException.ThrowIfNull(removing);
        if (removing.Count == 0)
        {
            return StreamEnhance(currentPrompt, enhancements, cancellationToken, target: target);
        }

        var prompt = input.Prompt("currentPrompt", currentPrompt);
        if (prompt.Value is not { } text)
        {
            return StudioResult.Invalid<IAsyncEnumerable<EngineStreamChunk>>(prompt.Error!);
        }

        var remove = ToSpecs(removing);
        var apply = enhancements.Count == 0 ? StudioResult.Of<IReadOnlyList<EnhancementSpec>>([]) : ToSpecs(enhancements);
        if (remove.Value is not { } removed || apply.Value is not { } applied)
        {
            return StudioResult.Invalid<IAsyncEnumerable<EngineStreamChunk>>(remove.Error ?? apply.Error!);
        }

        var operation = new TextOperation.Enhance(text, applied) { Removing = removed, Target = target };
        return StudioResult.Of(Bound(engine.StreamAsync(operation, cancellationToken), cancellationToken));
    }

    public async Task<StudioResult<EngineSuggestions>> SuggestAsync(
        string? category, int? count, string? currentPrompt, CancellationToken cancellationToken, bool fresh = false, TargetProfile? target = null)
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

        string? prompt = null;
        if (currentPrompt is not null)
        {
            var checkedPrompt = input.Prompt("currentPrompt", currentPrompt);
            if (checkedPrompt.Value is not { } text)
            {
                return StudioResult.Invalid<EngineSuggestions>(checkedPrompt.Error!);
            }

            prompt = text;
        }

        var result = await engine.RunAsync(new SuggestionRequest(found, wanted, prompt) { Fresh = fresh, Target = target }, cancellationToken);

        // Models return more than asked now and then; the contract is "at most count".
        return result.Suggestions.Count > wanted ? result with { Suggestions = [.. result.Suggestions.Take(wanted)] } : result;
    }

    public async Task<StudioResult<EngineText>> ExpandAsync(
        string? basicPrompt, CancellationToken cancellationToken, bool fresh = false, TargetProfile? target = null)
    {
        var idea = CheckIdea(basicPrompt);
        return idea.Value is { } text
            ? Bound(await engine.RunAsync(new TextOperation.Expand(text) { Fresh = fresh, Target = target }, cancellationToken))
            : StudioResult.Invalid<EngineText>(idea.Error!);
    }

    public async Task<StudioResult<EngineText>> StructureAsync(
        string? prompt, CancellationToken cancellationToken, bool fresh = false, TargetProfile? target = null)
    {
        if (string.IsNullOrWhiteSpace(prompt))
        {
            return new EngineText(string.Empty, EngineLabels.Offline);
        }

        var checkedPrompt = input.Prompt("currentPrompt", prompt);
        return checkedPrompt.Value is { } text
            ? Bound(await engine.RunAsync(new TextOperation.Structure(text) { Fresh = fresh, Target = target }, cancellationToken))
            : StudioResult.Invalid<EngineText>(checkedPrompt.Error!);
    }

    /// <summary>The streamed form of <see cref="ExpandAsync"/>.</summary>
    public StudioResult<IAsyncEnumerable<EngineStreamChunk>> StreamExpand(
        string? basicPrompt, CancellationToken cancellationToken, bool fresh = false, TargetProfile? target = null)
    {
        var idea = CheckIdea(basicPrompt);
        return idea.Value is { } text
            ? StudioResult.Of(Bound(engine.StreamAsync(new TextOperation.Expand(text) { Fresh = fresh, Target = target }, cancellationToken), cancellationToken))
            : StudioResult.Invalid<IAsyncEnumerable<EngineStreamChunk>>(idea.Error!);
    }

    /// <summary>The streamed form of <see cref="StructureAsync"/>; empty in, one final chunk with empty text out.</summary>
    public StudioResult<IAsyncEnumerable<EngineStreamChunk>> StreamStructure(
        string? prompt, CancellationToken cancellationToken, bool fresh = false, TargetProfile? target = null)
    {
        if (string.IsNullOrWhiteSpace(prompt))
        {
            return StudioResult.Of(EmptyStructure());
        }

        var checkedPrompt = input.Prompt("currentPrompt", prompt);
        return checkedPrompt.Value is { } text
            ? StudioResult.Of(Bound(engine.StreamAsync(new TextOperation.Structure(text) { Fresh = fresh, Target = target }, cancellationToken), cancellationToken))
            : StudioResult.Invalid<IAsyncEnumerable<EngineStreamChunk>>(checkedPrompt.Error!);
    }

    public static int CountWords(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static async IAsyncEnumerable<EngineStreamChunk> EmptyStructure()
    {
        await Task.CompletedTask;
        yield return new EngineStreamChunk(string.Empty, new EngineText(string.Empty, EngineLabels.Offline));
    }

    private StudioResult<string> CheckIdea(string? basicPrompt) =>
        CountWords(basicPrompt) < PromptLimits.MinBasicPromptWords
            ? StudioResult.Invalid<string>(PromptLimits.TooFewWordsMessage)
            : input.Idea("basicPrompt", basicPrompt!.Trim());

    /// <summary>Makes a result valid input: no control characters, no longer than the prompt limit (saying so when cut).</summary>
    private EngineText Bound(EngineText result)
    {
        var clean = PromptCharacters.Strip(result.Text);
        var text = PromptLength.Shorten(clean, input.MaxPromptChars);
        if (text.Length == clean.Length)
        {
            return ReferenceEquals(clean, result.Text) ? result : result with { Text = clean };
        }

        return result with { Text = text, Warnings = [.. result.Warnings ?? [], PromptLength.ShortenedWarning(input.MaxPromptChars)] };
    }

    /// <summary>
    /// The streamed form of <see cref="Bound(EngineText)"/>. Deltas are a preview (clients replace them with the final
    /// text), so they only lose their control characters; the final chunk is bounded like a JSON answer.
    /// </summary>
    private async IAsyncEnumerable<EngineStreamChunk> Bound(
        IAsyncEnumerable<EngineStreamChunk> chunks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var chunk in chunks.WithCancellation(cancellationToken))
        {
            yield return new EngineStreamChunk(PromptCharacters.Strip(chunk.Delta), chunk.Final is { } final ? Bound(final) : null);
        }
    }

    private StudioResult<IReadOnlyList<EnhancementSpec>> ToSpecs(IReadOnlyList<EnhancementInput> enhancements)
    {
        if (enhancements.Count is 0 or > PromptLimits.MaxEnhancements)
        {
            return StudioResult.Invalid<IReadOnlyList<EnhancementSpec>>("Send one enhancement, or 1 to 12 enhancements, one per category.");
        }

        var specs = new List<EnhancementSpec>(enhancements.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in enhancements)
        {
            if (string.IsNullOrWhiteSpace(raw.Title) || string.IsNullOrWhiteSpace(raw.Category))
            {
                return StudioResult.Invalid<IReadOnlyList<EnhancementSpec>>("Each enhancement needs a title and a category.");
            }

            var title = PromptInput.Characters("enhancement title", raw.Title);
            var description = PromptInput.Characters("enhancement description", raw.Description);
            var categoryText = PromptInput.Characters("enhancement category", raw.Category);
            if ((title.Error ?? description.Error ?? categoryText.Error) is { } problem)
            {
                return StudioResult.Invalid<IReadOnlyList<EnhancementSpec>>(problem);
            }

            var category = catalog.FindCategory(categoryText.Value)?.Id ?? categoryText.Value!.Trim();
            if (!seen.Add(category))
            {
                return StudioResult.Invalid<IReadOnlyList<EnhancementSpec>>($"Only one enhancement per category can be applied; '{category}' appears twice.");
            }

            specs.Add(new EnhancementSpec(title.Value!.Trim(), description.Value!.Trim(), category));
        }

        return StudioResult.Of<IReadOnlyList<EnhancementSpec>>(specs);
    }
}
