using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;

namespace SoraPromptGenie.Core.Engines.Llm;

/// <summary>
/// The prompt operations over <see cref="IChatClient"/>. Each operation has one time budget; models are tried in order
/// (primary first) while the budget lasts, a rejected key stops the chain, and every attempt is reported to the observer.
/// Running and streaming share that loop and differ only in how one model is asked.
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

    /// <summary>Asks one model, yielding what it produced: streamed deltas, then its answer or its failure.</summary>
    private delegate IAsyncEnumerable<AttemptStep> AskModel(LlmModel model, LlmRequest request, CancellationToken cancellationToken);

    /// <summary>The label of the primary model, e.g. <c>openrouter:google/gemini-2.5-flash-lite</c>.</summary>
    public string PrimaryEngine => Label(_models[0]);

    public async Task<TResult> RunAsync<TResult>(EngineOperation<TResult> operation, CancellationToken cancellationToken)
        where TResult : EngineResult
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation is TextOperation.Structure { IsEmpty: true })
        {
            return (TResult)(EngineResult)NothingToStructure();
        }

        await foreach (var step in TryModelsAsync(LlmRequest.For(operation), CompleteAsync, cancellationToken))
        {
            if (step.Answer is TResult answer)
            {
                return answer;
            }
        }

        throw new UnreachableException("Trying the models ends with an answer or a failure.");
    }

    /// <summary>
    /// Streams raw deltas as the model writes them, then a final chunk whose text is the cleaned prompt: clients replace
    /// the streamed text with it, since fences or a preamble can only be recognised once the answer is complete. For a
    /// target with a prompt limit the limit is checked once the stream is complete: an answer over it is shortened as
    /// <see cref="RunAsync{TResult}"/> does it (one follow-up request, not streamed), and the final chunk carries the
    /// shortened text and any warning.
    /// </summary>
    public async IAsyncEnumerable<EngineStreamChunk> StreamAsync(
        TextOperation operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation is TextOperation.Structure { IsEmpty: true })
        {
            yield return new EngineStreamChunk(string.Empty, NothingToStructure());
            yield break;
        }

        await foreach (var step in TryModelsAsync(LlmRequest.For(operation), StreamOneModelAsync, cancellationToken))
        {
            yield return new EngineStreamChunk(step.Delta, (EngineText?)step.Answer);
        }
    }

    private EngineText NothingToStructure() => new(string.Empty, PrimaryEngine);

    /// <summary>
    /// The model-and-budget loop. A model that fails before its first delta hands over to the next one, unless the key
    /// was rejected or the budget is spent; after a delta the reader already holds that model's text, so the failure ends
    /// the operation. Yields the steps of the model that answers, its answer last.
    /// </summary>
    private async IAsyncEnumerable<AttemptStep> TryModelsAsync(
        LlmRequest request,
        AskModel ask,
        [EnumeratorCancellation] CancellationToken cancellationToken)
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

            var attempt = new Attempt(request.Operation, model, timeProvider.GetTimestamp());
            try
            {
                await foreach (var step in ask(model, request, linked.Token))
                {
                    attempt.Usage = step.Usage;
                    if (step.Failure is { } failure)
                    {
                        var mapped = Fail(attempt, failure, budget, cancellationToken);
                        if (attempt.DeltaSent || mapped.Failure == UpstreamFailure.AuthFailed || budget.IsCancellationRequested)
                        {
                            throw WithBudgetRemaining(mapped, operationStarted);
                        }

                        lastFailure = mapped;
                        break;
                    }

                    if (step.Answer is not null)
                    {
                        Observe(attempt, CallOutcome.Ok, null);
                    }

                    attempt.DeltaSent |= step.Delta.Length > 0;
                    yield return step;
                    if (step.Answer is not null)
                    {
                        yield break;
                    }
                }
            }
            finally
            {
                if (!attempt.Recorded)
                {
                    // The reader stopped mid-stream.
                    Observe(attempt, CallOutcome.Cancelled, null);
                }
            }
        }

        throw WithBudgetRemaining(lastFailure ?? BudgetSpent(), operationStarted);
    }

    /// <summary>One plain call: a single step with the answer or the failure.</summary>
    private async IAsyncEnumerable<AttemptStep> CompleteAsync(
        LlmModel model,
        LlmRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return await CompleteOnceAsync(model, request, cancellationToken);
    }

    private async Task<AttemptStep> CompleteOnceAsync(LlmModel model, LlmRequest request, CancellationToken cancellationToken)
    {
        ChatResponse response;
        try
        {
            response = await model.Client.GetResponseAsync(request.Messages, ChatOptionsFor(model), cancellationToken);
        }
        catch (Exception ex)
        {
            return AttemptStep.Failed(ex, null);
        }

        return await FitBudgetAsync(model, request, Answer(model, request, response.Text, LlmUsage.From(response.Usage, response.AdditionalProperties)), cancellationToken);
    }

    /// <summary>
    /// Keeps a text answer for a target within the target's prompt limit. An answer over it gets exactly one follow-up
    /// request asking the same model to shorten it to the limit; an answer still over it (or a follow-up that fails) is
    /// cut at its last sentence boundary within the limit, with a warning naming the limit and its unit. The usage of
    /// both calls is summed.
    /// </summary>
    private async Task<AttemptStep> FitBudgetAsync(LlmModel model, LlmRequest request, AttemptStep step, CancellationToken cancellationToken)
    {
        if (request.Budget is not { Limit: { } limit } style || step.Answer is not EngineText draft || limit.Fits(draft.Text))
        {
            return step;
        }

        var usage = step.Usage;
        var best = draft;
        try
        {
            var response = await model.Client.GetResponseAsync(
                request.ShortenMessages(draft.Text, limit.Measure(draft.Text)), ChatOptionsFor(model), cancellationToken);
            usage = LlmUsage.Add(usage, LlmUsage.From(response.Usage, response.AdditionalProperties));
            if (request.ReadAnswer(response.Text, Label(model), usage) is EngineText { Text.Length: > 0 } shorter)
            {
                best = shorter;
            }
        }
        catch (Exception ex)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return AttemptStep.Failed(ex, usage);
            }

            // Otherwise the first answer is still usable: it is cut to the limit below rather than lost.
        }

        best = best with { Usage = usage };
        if (!limit.Fits(best.Text))
        {
            best = best with
            {
                Text = PromptLength.Shorten(best.Text, limit),
                Warnings = [.. best.Warnings ?? [], PromptLength.TargetShortenedWarning(style.Name, limit)],
            };
        }

        return AttemptStep.Answered(best, usage);
    }

    /// <summary>One streamed call: a step per delta as the model writes it, then the answer or the failure.</summary>
    private async IAsyncEnumerable<AttemptStep> StreamOneModelAsync(
        LlmModel model,
        LlmRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reply = new StreamedReply();
        var updates = new FailureCapturingEnumerator<ChatResponseUpdate>(
            () => model.Client.GetStreamingResponseAsync(request.Messages, ChatOptionsFor(model), cancellationToken),
            cancellationToken);
        await using (updates)
        {
            while (await updates.MoveNextAsync())
            {
                if (reply.Add(updates.Current) is { Length: > 0 } delta)
                {
                    yield return AttemptStep.Streamed(delta, reply.Usage);
                }
            }
        }

        yield return updates.Failure is { } failure
            ? AttemptStep.Failed(failure, reply.Usage)
            : await FitBudgetAsync(model, request, Answer(model, request, reply.Text, reply.Usage), cancellationToken);
    }

    /// <summary>Reads the model's text as the operation's answer; an unusable one is this model's failure.</summary>
    private AttemptStep Answer(LlmModel model, LlmRequest request, string text, EngineUsage? usage)
    {
        try
        {
            return AttemptStep.Answered(request.ReadAnswer(text, Label(model), usage), usage);
        }
        catch (UpstreamException ex)
        {
            return AttemptStep.Failed(ex, usage);
        }
    }

    /// <summary>Notes how much of the operation's budget was left: the retry hint when the provider gave none.</summary>
    private UpstreamException WithBudgetRemaining(UpstreamException failure, long operationStarted)
    {
        var left = _budget - timeProvider.GetElapsedTime(operationStarted);
        failure.BudgetRemaining = left > TimeSpan.Zero ? left : TimeSpan.Zero;
        return failure;
    }

    /// <summary>Records a failed attempt and maps it; the caller's own cancellation is rethrown as such, never mapped.</summary>
    private UpstreamException Fail(Attempt attempt, Exception exception, CancellationTokenSource budget, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            Observe(attempt, CallOutcome.Cancelled, null);
            throw exception as OperationCanceledException
                ?? new OperationCanceledException("The operation was cancelled.", exception, cancellationToken);
        }

        var mapped = UpstreamErrorMapper.Map(exception, budget.IsCancellationRequested, timeProvider.GetUtcNow());
        Observe(attempt, UpstreamErrorMapper.OutcomeOf(mapped.Failure), mapped.UpstreamStatus);
        return mapped;
    }

    private static UpstreamException BudgetSpent() =>
        new(UpstreamFailure.Timeout, "The language model did not answer in time.");

    private void Observe(Attempt attempt, CallOutcome outcome, int? statusCode)
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
            attempt.Usage?.InputTokens,
            attempt.Usage?.OutputTokens,
            attempt.Usage?.Cost,
            Cached: false));
    }

    private ChatOptions ChatOptionsFor(LlmModel model) => new()
    {
        ModelId = model.ModelId,
        Temperature = options.Temperature,
        MaxOutputTokens = options.MaxOutputTokens,
    };

    private string Label(LlmModel model) => EngineLabels.Llm(options.EngineLabelPrefix, model.ModelId);

    /// <summary>One thing asking a model produced: a streamed delta, the answer, or the failure, with the usage reported so far.</summary>
    private sealed record AttemptStep(string Delta, EngineResult? Answer, Exception? Failure, EngineUsage? Usage)
    {
        public static AttemptStep Streamed(string delta, EngineUsage? usage) => new(delta, null, null, usage);

        public static AttemptStep Answered(EngineResult answer, EngineUsage? usage) => new(string.Empty, answer, null, usage);

        public static AttemptStep Failed(Exception failure, EngineUsage? usage) => new(string.Empty, null, failure, usage);
    }

    /// <summary>One model's turn within the operation, as the observer hears of it.</summary>
    private sealed class Attempt(PromptOperation operation, LlmModel model, long startedAt)
    {
        public PromptOperation Operation { get; } = operation;

        public LlmModel Model { get; } = model;

        public long StartedAt { get; } = startedAt;

        public EngineUsage? Usage { get; set; }

        public bool DeltaSent { get; set; }

        public bool Recorded { get; set; }
    }

    /// <summary>What a model has streamed so far: its text, token counts and cost.</summary>
    private sealed class StreamedReply
    {
        private readonly StringBuilder _text = new();
        private UsageDetails? _usage;
        private decimal? _cost;

        public string Text => _text.ToString();

        public EngineUsage? Usage
        {
            get
            {
                var fromUsage = LlmUsage.From(_usage, null);
                return _cost is null ? fromUsage : (fromUsage ?? new EngineUsage(null, null)) with { Cost = _cost };
            }
        }

        /// <summary>Takes in one update and returns its text delta.</summary>
        public string Add(ChatResponseUpdate update)
        {
            foreach (var content in update.Contents.OfType<UsageContent>())
            {
                _usage ??= new UsageDetails();
                _usage.Add(content.Details);
            }

            _cost = LlmUsage.From(null, update.AdditionalProperties)?.Cost ?? _cost;
            var delta = update.Text;
            _text.Append(delta);
            return delta;
        }
    }
}
