using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using SoraPromptGenie.Core.Engines.Prompts;

namespace SoraPromptGenie.Core.Engines.Llm;

/// <summary>
/// The prompt operations over <see cref="IChatClient"/>. Each operation has one time budget; models are tried in order
/// (primary first) while the budget lasts, a rejected key stops the chain, and every attempt is reported to the observer.
/// </summary>
public sealed class LlmPromptEngine(
    IReadOnlyList<LlmModel> models,
    LlmEngineOptions options,
    ILlmCallObserver observer,
    TimeProvider timeProvider) : IPromptEngine
{
    private readonly IReadOnlyList<LlmModel> _models = models is { Count: > 0 }
        ? models
        : throw new ArgumentException("At least one model is required.", nameof(models));

    private readonly TimeSpan _budget = options.TimeoutSeconds > 0
        ? TimeSpan.FromSeconds(options.TimeoutSeconds)
        : throw new ArgumentOutOfRangeException(nameof(options), "TimeoutSeconds must be positive.");

    /// <summary>The label of the primary model, e.g. <c>openrouter:google/gemini-2.5-flash-lite</c>.</summary>
    public string PrimaryEngine => Label(_models[0]);

    public async Task<EngineText> EnhanceAsync(
        string currentPrompt,
        IReadOnlyList<EnhancementSpec> enhancements,
        CancellationToken cancellationToken)
    {
        var (operation, messages) = BuildEnhance(currentPrompt, enhancements);
        var completion = await CompleteAsync(operation, messages, LlmOutputCleaner.Clean, cancellationToken);
        return new EngineText(completion.Value, completion.Engine, completion.Usage);
    }

    public async Task<EngineSuggestions> SuggestAsync(SuggestionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var messages = Messages(SuggestPrompt.System, SuggestPrompt.BuildUserMessage(request));

        // Parsing runs inside the attempt, so an unusable answer counts as that model's failure and the next model is tried.
        var completion = await CompleteAsync(
            PromptOperation.Suggest,
            messages,
            text => SuggestionParser.Parse(text, request.Category.Id, request.Count),
            cancellationToken);
        return new EngineSuggestions(completion.Value, completion.Engine, completion.Usage);
    }

    public async Task<EngineText> ExpandAsync(string basicPrompt, CancellationToken cancellationToken)
    {
        var messages = Messages(ExpandPrompt.System, ExpandPrompt.BuildUserMessage(basicPrompt));
        var completion = await CompleteAsync(PromptOperation.Expand, messages, LlmOutputCleaner.Clean, cancellationToken);
        return new EngineText(completion.Value, completion.Engine, completion.Usage);
    }

    public async Task<EngineText> StructureAsync(string prompt, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(prompt))
        {
            return new EngineText(string.Empty, PrimaryEngine);
        }

        var messages = Messages(StructurePrompt.System, StructurePrompt.BuildUserMessage(prompt));
        var completion = await CompleteAsync(PromptOperation.Structure, messages, LlmOutputCleaner.Clean, cancellationToken);
        return new EngineText(completion.Value, completion.Engine, completion.Usage);
    }

    /// <summary>
    /// Streams raw deltas as the model writes them, then a final chunk whose text is the cleaned prompt: clients replace
    /// the streamed text with it, since fences or a preamble can only be recognised once the answer is complete.
    /// </summary>
    public async IAsyncEnumerable<EngineStreamChunk> StreamAsync(
        TextOperation operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation is TextOperation.Structure { Prompt: var structureInput } && string.IsNullOrWhiteSpace(structureInput))
        {
            yield return new EngineStreamChunk(string.Empty, new EngineText(string.Empty, PrimaryEngine));
            yield break;
        }

        var (promptOperation, messages) = Build(operation);
        var operationStarted = timeProvider.GetTimestamp();
        using var budget = new CancellationTokenSource(_budget, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        UpstreamException? lastFailure = null;

        foreach (var model in _models)
        {
            if (budget.IsCancellationRequested)
            {
                break;
            }

            var attempt = new Attempt(promptOperation, model, timeProvider.GetTimestamp());
            var text = new StringBuilder();
            UsageDetails? usage = null;
            decimal? cost = null;
            var deltaSent = false;
            Exception? failure = null;
            IAsyncEnumerator<ChatResponseUpdate>? updates = null;
            try
            {
                try
                {
                    updates = model.Client.GetStreamingResponseAsync(messages, ChatOptionsFor(model), linked.Token)
                        .GetAsyncEnumerator(linked.Token);
                }
                catch (Exception ex)
                {
                    failure = ex;
                }

                while (failure is null && updates is not null)
                {
                    string delta;
                    try
                    {
                        if (!await updates.MoveNextAsync())
                        {
                            break;
                        }

                        var update = updates.Current;
                        foreach (var content in update.Contents.OfType<UsageContent>())
                        {
                            usage ??= new UsageDetails();
                            usage.Add(content.Details);
                        }

                        cost = LlmUsage.From(null, update.AdditionalProperties)?.Cost ?? cost;
                        delta = update.Text;
                    }
                    catch (Exception ex)
                    {
                        failure = ex;
                        break;
                    }

                    if (delta.Length > 0)
                    {
                        text.Append(delta);
                        deltaSent = true;
                        yield return new EngineStreamChunk(delta);
                    }
                }

                var engineUsage = Usage(usage, cost);
                string? cleaned = null;
                if (failure is null)
                {
                    try
                    {
                        cleaned = LlmOutputCleaner.Clean(text.ToString());
                    }
                    catch (UpstreamException ex)
                    {
                        failure = ex;
                    }
                }

                if (failure is null)
                {
                    Observe(attempt, "ok", null, engineUsage);
                    yield return new EngineStreamChunk(string.Empty, new EngineText(cleaned!, Label(model), engineUsage));
                    yield break;
                }

                var mapped = Fail(attempt, failure, budget, engineUsage, cancellationToken);
                if (deltaSent || mapped.Failure == UpstreamFailure.AuthFailed || budget.IsCancellationRequested)
                {
                    throw WithBudgetRemaining(mapped, operationStarted);
                }

                lastFailure = mapped;
            }
            finally
            {
                if (!attempt.Recorded)
                {
                    // The consumer stopped reading mid-stream.
                    Observe(attempt, "cancelled", null, Usage(usage, cost));
                }

                if (updates is not null)
                {
                    await updates.DisposeAsync();
                }
            }
        }

        throw WithBudgetRemaining(lastFailure ?? BudgetSpent(), operationStarted);
    }

    private async Task<Completion<T>> CompleteAsync<T>(
        PromptOperation operation,
        List<ChatMessage> messages,
        Func<string, T> interpret,
        CancellationToken cancellationToken)
    {
        var operationStarted = timeProvider.GetTimestamp();
        using var budget = new CancellationTokenSource(_budget, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        UpstreamException? lastFailure = null;

        foreach (var model in _models)
        {
            if (budget.IsCancellationRequested)
            {
                break;
            }

            var attempt = new Attempt(operation, model, timeProvider.GetTimestamp());
            EngineUsage? usage = null;
            try
            {
                var response = await model.Client.GetResponseAsync(messages, ChatOptionsFor(model), linked.Token);
                usage = LlmUsage.From(response.Usage, response.AdditionalProperties);
                var value = interpret(response.Text);
                Observe(attempt, "ok", null, usage);
                return new Completion<T>(value, Label(model), usage);
            }
            catch (Exception ex)
            {
                var mapped = Fail(attempt, ex, budget, usage, cancellationToken);
                if (mapped.Failure == UpstreamFailure.AuthFailed || budget.IsCancellationRequested)
                {
                    throw WithBudgetRemaining(mapped, operationStarted);
                }

                lastFailure = mapped;
            }
        }

        throw WithBudgetRemaining(lastFailure ?? BudgetSpent(), operationStarted);
    }

    /// <summary>Notes how much of the operation's budget was left: the retry hint when the provider gave none.</summary>
    private UpstreamException WithBudgetRemaining(UpstreamException failure, long operationStarted)
    {
        var left = _budget - timeProvider.GetElapsedTime(operationStarted);
        failure.BudgetRemaining = left > TimeSpan.Zero ? left : TimeSpan.Zero;
        return failure;
    }

    /// <summary>Records a failed attempt and maps it; the caller's own cancellation is rethrown as such, never mapped.</summary>
    private UpstreamException Fail(
        Attempt attempt,
        Exception exception,
        CancellationTokenSource budget,
        EngineUsage? usage,
        CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            Observe(attempt, "cancelled", null, usage);
            throw exception as OperationCanceledException
                ?? new OperationCanceledException("The operation was cancelled.", exception, cancellationToken);
        }

        var mapped = UpstreamErrorMapper.Map(exception, budget.IsCancellationRequested, timeProvider.GetUtcNow());
        Observe(attempt, UpstreamErrorMapper.OutcomeOf(mapped.Failure), mapped.UpstreamStatus, usage);
        return mapped;
    }

    private static UpstreamException BudgetSpent() =>
        new(UpstreamFailure.Timeout, "The language model did not answer in time.");

    private void Observe(Attempt attempt, string outcome, int? statusCode, EngineUsage? usage)
    {
        attempt.Recorded = true;
        var latency = (long)timeProvider.GetElapsedTime(attempt.StartedAt).TotalMilliseconds;
        observer.OnCall(new LlmCallRecord(
            attempt.Operation,
            attempt.Model.ModelId,
            Label(attempt.Model),
            outcome,
            statusCode,
            latency,
            usage?.InputTokens,
            usage?.OutputTokens,
            usage?.Cost,
            Cached: false));
    }

    private static EngineUsage? Usage(UsageDetails? usage, decimal? cost)
    {
        var fromUsage = LlmUsage.From(usage, null);
        return cost is null ? fromUsage : (fromUsage ?? new EngineUsage(null, null)) with { Cost = cost };
    }

    private ChatOptions ChatOptionsFor(LlmModel model) => new()
    {
        ModelId = model.ModelId,
        Temperature = options.Temperature,
        MaxOutputTokens = options.MaxOutputTokens,
    };

    private string Label(LlmModel model) => $"{options.EngineLabelPrefix}:{model.ModelId}";

    private static (PromptOperation Operation, List<ChatMessage> Messages) Build(TextOperation operation) => operation switch
    {
        TextOperation.Enhance { Removing.Count: > 0 } revise => (
            revise.Operation,
            Messages(RevisePrompt.System, RevisePrompt.BuildUserMessage(revise.CurrentPrompt, revise.Removing, revise.Enhancements))),
        TextOperation.Enhance enhance => BuildEnhance(enhance.CurrentPrompt, enhance.Enhancements),
        TextOperation.Expand expand =>
            (PromptOperation.Expand, Messages(ExpandPrompt.System, ExpandPrompt.BuildUserMessage(expand.BasicPrompt))),
        TextOperation.Structure structure =>
            (PromptOperation.Structure, Messages(StructurePrompt.System, StructurePrompt.BuildUserMessage(structure.Prompt))),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown text operation."),
    };

    /// <summary>One enhancement uses the enhance prompt; several are merged in one call with the merge prompt.</summary>
    private static (PromptOperation Operation, List<ChatMessage> Messages) BuildEnhance(
        string currentPrompt,
        IReadOnlyList<EnhancementSpec> enhancements)
    {
        ArgumentNullException.ThrowIfNull(enhancements);
        return enhancements.Count switch
        {
            0 => throw new ArgumentException("At least one enhancement is required.", nameof(enhancements)),
            1 => (PromptOperation.Enhance, Messages(EnhancePrompt.System, EnhancePrompt.BuildUserMessage(currentPrompt, enhancements[0]))),
            _ => (PromptOperation.Merge, Messages(MergePrompt.System, MergePrompt.BuildUserMessage(currentPrompt, enhancements))),
        };
    }

    /// <summary>
    /// The system message carries the prompt version as a property: it is not sent to the provider, but response caches
    /// that hash the messages then never serve an answer written under older instructions.
    /// </summary>
    private static List<ChatMessage> Messages(string system, string user) =>
    [
        new ChatMessage(ChatRole.System, system)
        {
            AdditionalProperties = new() { [PromptSpec.VersionProperty] = PromptSpec.Version },
        },
        new ChatMessage(ChatRole.User, user),
    ];

    private sealed record Completion<T>(T Value, string Engine, EngineUsage? Usage);

    private sealed class Attempt(PromptOperation operation, LlmModel model, long startedAt)
    {
        public PromptOperation Operation { get; } = operation;

        public LlmModel Model { get; } = model;

        public long StartedAt { get; } = startedAt;

        public bool Recorded { get; set; }
    }
}
