using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Ops.Errors;

namespace SoraPromptGenie.Prompting;

/// <summary>The data of a <c>delta</c> event: the next piece of the text being written.</summary>
public sealed record StreamDelta(string Text);

/// <summary>
/// Server-Sent Events for the text operations when the client sends <c>Accept: text/event-stream</c>: <c>delta</c>
/// events with <c>{"text"}</c>, then one <c>done</c> event whose data is exactly the JSON endpoint's response body
/// (full text, engine, usage, fallbackReason). A failure before the first event is the normal JSON error response;
/// one after it ends the stream with an <c>error</c> event in the error shape. The handlers branch on
/// <see cref="WantsEventStream"/> after their domain checks, so a bad request still gets its 400 JSON.
/// </summary>
public sealed partial class PromptStreaming(IOptions<JsonOptions> jsonOptions, ExceptionClassifier classifier, ILogger<PromptStreaming> logger)
{
    public const string EventStream = "text/event-stream";
    public const string DeltaEvent = "delta";
    public const string DoneEvent = "done";
    public const string ErrorEvent = "error";

    /// <summary>A streamed answer is not saved, so <c>promptId</c> with a stream is refused instead of being silently ignored.</summary>
    public const string NotSavedMessage =
        "promptId cannot be combined with a streamed answer (Accept: text/event-stream); send the request as plain JSON to save the result.";

    public static bool WantsEventStream(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Waits for the first chunk before committing to a 200 event stream, so an engine that fails outright (LLM down and
    /// no offline fallback) answers with the JSON API's status and error body through the exception handler.
    /// </summary>
    public async Task<ServerSentEventsResult<string>> StartAsync<TResponse>(
        IAsyncEnumerable<EngineStreamChunk> chunks,
        Func<EngineText, TResponse> done,
        string requestId,
        CancellationToken cancellationToken)
        where TResponse : AiResponse
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(done);
        var enumerator = chunks.GetAsyncEnumerator(cancellationToken);
        bool any;
        try
        {
            any = await enumerator.MoveNextAsync();
        }
        catch
        {
            await enumerator.DisposeAsync();
            throw;
        }

        var events = new StreamWriter<TResponse>(requestId, jsonOptions.Value.SerializerOptions, done, classifier, logger);
        return TypedResults.ServerSentEvents(events.EventsAsync(enumerator, any, cancellationToken));
    }

    private sealed class StreamWriter<TResponse>(
        string requestId,
        JsonSerializerOptions json,
        Func<EngineText, TResponse> done,
        ExceptionClassifier classifier,
        ILogger logger)
        where TResponse : AiResponse
    {
        private readonly JsonTypeInfo<StreamDelta> _deltaInfo = (JsonTypeInfo<StreamDelta>)json.GetTypeInfo(typeof(StreamDelta));
        private readonly JsonTypeInfo<TResponse> _doneInfo = (JsonTypeInfo<TResponse>)json.GetTypeInfo(typeof(TResponse));
        private readonly JsonTypeInfo<ApiError> _errorInfo = (JsonTypeInfo<ApiError>)json.GetTypeInfo(typeof(ApiError));

        public async IAsyncEnumerable<SseItem<string>> EventsAsync(
            IAsyncEnumerator<EngineStreamChunk> chunks,
            bool hasCurrent,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await using var owned = chunks;
            Exception? failure = null;
            while (hasCurrent)
            {
                var chunk = chunks.Current;
                if (chunk.Delta.Length > 0)
                {
                    yield return new SseItem<string>(JsonSerializer.Serialize(new StreamDelta(chunk.Delta), _deltaInfo), DeltaEvent);
                }

                if (chunk.Final is { } final)
                {
                    yield return new SseItem<string>(JsonSerializer.Serialize(done(final), _doneInfo), DoneEvent);
                    yield break;
                }

                try
                {
                    hasCurrent = await chunks.MoveNextAsync();
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = ex;
                    break;
                }
            }

            // The status line is already sent; the error shape travels as the last event instead.
            var (_, code, message) = failure is null
                ? (0, ErrorCodes.InternalError, ErrorCodes.DefaultMessage(500))
                : classifier.Classify(failure);
            if (failure is UpstreamException upstream)
            {
                UpstreamFailedMidStream(logger, upstream.Code, upstream.UpstreamStatus);
            }
            else
            {
                FailedMidStream(logger, failure);
            }

            yield return new SseItem<string>(JsonSerializer.Serialize(new ApiError(message, code, requestId), _errorInfo), ErrorEvent);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream failure {Code} mid-stream (upstream status {UpstreamStatus})")]
    private static partial void UpstreamFailedMidStream(ILogger logger, string code, int? upstreamStatus);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stream ended without a final result")]
    private static partial void FailedMidStream(ILogger logger, Exception? exception);
}
