using System.Runtime.CompilerServices;
using SoraPromptGenie.Core.Catalog;

namespace SoraPromptGenie.Core.Engines.Offline;

/// <summary>
/// The deterministic engine (design section 7): every operation is computed from the built-in catalog with no
/// network, clock or randomness, so the same input always gives the same output. It answers when no LLM is
/// configured and stands in for the LLM when that fails. Its results stay within <paramref name="maxPromptChars"/>, so
/// they are always accepted back as input; a result that had to leave text out carries a warning.
/// </summary>
public sealed class OfflinePromptEngine(PromptCatalog catalog, int maxPromptChars = PromptLength.DefaultMaxPromptChars) : IPromptEngine
{
    public const string EngineLabel = EngineLabels.Offline;

    /// <summary>Words per streamed delta: enough to look like streaming, few enough chunks to stay cheap.</summary>
    private const int WordsPerDelta = 6;

    private readonly SuggestionRanker _ranker = new(catalog);
    private readonly IdeaExpander _expander = new(catalog);
    private readonly PromptStructurer _structurer = new(catalog);
    private readonly TargetStructurer _targetStructurer = new(new PromptStructurer(catalog));

    private readonly int _maxPromptChars = maxPromptChars > 0
        ? maxPromptChars
        : throw new ArgumentOutOfRangeException(nameof(maxPromptChars), maxPromptChars, "The prompt limit must be positive.");

    /// <summary>
    /// Merges the enhancements as labelled clauses, one per category, replacing a category's earlier clause; the clauses
    /// of the <paramref name="removing"/> cards' categories are taken out first. Scene text and other clauses stay.
    /// </summary>
    public string Enhance(string? currentPrompt, IReadOnlyList<EnhancementSpec> enhancements, IReadOnlyList<EnhancementSpec>? removing = null) =>
        EnhanceWithin(currentPrompt, enhancements, removing).Text;

    public IReadOnlyList<Suggestion> Suggest(SuggestionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _ranker.Rank(request);
    }

    public string Expand(string? basicPrompt) => _expander.Expand(basicPrompt ?? string.Empty, _maxPromptChars).Text;

    public string Structure(string? prompt) => _structurer.Structure(prompt, _maxPromptChars).Text;

    public Task<TResult> RunAsync<TResult>(EngineOperation<TResult> operation, CancellationToken cancellationToken)
        where TResult : EngineResult
    {
        ArgumentNullException.ThrowIfNull(operation);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult((TResult)Answer(operation));
    }

    public async IAsyncEnumerable<EngineStreamChunk> StreamAsync(
        TextOperation operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var result = Write(operation);
        foreach (var delta in WordGroups(result.Text, WordsPerDelta))
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Yielding hands the thread back between deltas, as a network stream would.
            await Task.Yield();
            yield return new EngineStreamChunk(delta);
        }

        yield return new EngineStreamChunk(string.Empty, result);
    }

    /// <summary>Splits text into runs of <paramref name="wordsPerGroup"/> words; concatenated, they are the text.</summary>
    internal static IEnumerable<string> WordGroups(string text, int wordsPerGroup)
    {
        var start = 0;
        var words = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                inWord = false;
                continue;
            }

            if (!inWord)
            {
                if (words == wordsPerGroup)
                {
                    yield return text[start..i];
                    start = i;
                    words = 0;
                }

                words++;
                inWord = true;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private (string Text, bool Shortened) EnhanceWithin(
        string? currentPrompt,
        IReadOnlyList<EnhancementSpec> enhancements,
        IReadOnlyList<EnhancementSpec>? removing = null) =>
        Merge(currentPrompt, enhancements, removing).RenderWithin(_maxPromptChars);

    /// <summary>The prompt with the <paramref name="removing"/> cards' clauses taken out and <paramref name="enhancements"/> set.</summary>
    private PromptDocument Merge(string? currentPrompt, IReadOnlyList<EnhancementSpec> enhancements, IReadOnlyList<EnhancementSpec>? removing)
    {
        ArgumentNullException.ThrowIfNull(enhancements);
        var document = PromptDocument.Parse(currentPrompt, catalog);
        foreach (var card in removing ?? [])
        {
            document = document.Without(PromptClause.KeyOf(card.Category, catalog));
        }

        foreach (var enhancement in enhancements)
        {
            if (PromptClause.FromEnhancement(enhancement, catalog) is { } clause)
            {
                document = document.With(clause);
            }
        }

        return document;
    }

    private EngineResult Answer(EngineOperation operation) => operation switch
    {
        TextOperation text => Write(text),
        SuggestionRequest request => new EngineSuggestions(Suggest(request), EngineLabel),
        IComposedOperation composed => composed.WriteOffline(catalog),
        _ => throw new ArgumentException($"Unsupported operation {operation.GetType().Name}.", nameof(operation)),
    };

    private EngineText Write(TextOperation operation) => operation.Target is { } target
        ? WriteFor(operation, new TargetStyle(target))
        : Label(operation switch
        {
            TextOperation.Enhance enhance => EnhanceWithin(enhance.CurrentPrompt, enhance.Enhancements, enhance.Removing),
            TextOperation.Expand expand => _expander.Expand(expand.BasicPrompt ?? string.Empty, _maxPromptChars),
            TextOperation.Structure structure => _structurer.Structure(structure.Prompt, _maxPromptChars),
            _ => throw new ArgumentException($"Unsupported operation {operation.GetType().Name}.", nameof(operation)),
        });

    /// <summary>
    /// Writes for a target's layout family (see <see cref="TargetStyle"/>) within the target's prompt limit as well as the
    /// product's; a result that had to leave something out says what and why.
    /// </summary>
    private EngineText WriteFor(TextOperation operation, TargetStyle style)
    {
        var budget = new OfflineBudget(_maxPromptChars, style.Limit);
        var result = operation switch
        {
            TextOperation.Enhance enhance => EnhanceFor(enhance, style, budget),
            TextOperation.Expand expand => _expander.Expand(expand.BasicPrompt ?? string.Empty, style, budget),
            TextOperation.Structure structure => _targetStructurer.Structure(structure.Prompt, style, budget),
            _ => throw new ArgumentException($"Unsupported operation {operation.GetType().Name}.", nameof(operation)),
        };
        return new EngineText(result.Text, EngineLabel, Warnings: result.Warnings.Count > 0 ? result.Warnings : null);
    }

    private OfflineText EnhanceFor(TextOperation.Enhance enhance, TargetStyle style, OfflineBudget budget)
    {
        var (text, shortened, targetLimitHit) = Merge(enhance.CurrentPrompt, enhance.Enhancements, enhance.Removing).RenderWithin(budget, style);
        return new OfflineText(text, shortened ? [budget.LeftOutWarning(style, targetLimitHit)] : []);
    }

    private EngineText Label((string Text, bool Shortened) result) =>
        new(result.Text, EngineLabel, Warnings: result.Shortened ? [PromptLength.SentencesLeftOutWarning(_maxPromptChars)] : null);
}
