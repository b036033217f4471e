using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace SoraPromptGenie.Tests.Infrastructure;

/// <summary>
/// A scripted <see cref="IChatClient"/> for engine unit tests: each call takes the next scripted step (a reply, an
/// exception, or a hang until cancelled) and records the messages and options it was given. Streaming yields the
/// reply in small chunks, then a usage update.
/// </summary>
internal sealed class FakeChatClient : IChatClient
{
    private readonly Queue<Step> _script = new();

    public List<FakeChatCall> Calls { get; } = [];

    /// <summary>Size of the text chunks a streamed reply is split into.</summary>
    public int ChunkSize { get; init; } = 8;

    public FakeChatClient Reply(string text, UsageDetails? usage = null, AdditionalPropertiesDictionary? properties = null)
    {
        _script.Enqueue(new Step(text, usage, properties, Failure: null, FailAfterChunks: null, Hang: false));
        return this;
    }

    public FakeChatClient Throw(Exception exception)
    {
        _script.Enqueue(new Step(null, null, null, exception, FailAfterChunks: null, Hang: false));
        return this;
    }

    /// <summary>Streams <paramref name="chunks"/> chunks of <paramref name="text"/>, then throws.</summary>
    public FakeChatClient ReplyThenThrow(string text, int chunks, Exception exception)
    {
        _script.Enqueue(new Step(text, null, null, exception, chunks, Hang: false));
        return this;
    }

    /// <summary>Never answers; honours the cancellation token like a real HTTP call.</summary>
    public FakeChatClient Hang()
    {
        _script.Enqueue(new Step(null, null, null, null, null, Hang: true));
        return this;
    }

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var step = Next(messages, options, streaming: false);
        if (step.Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (step.Failure is not null)
        {
            throw step.Failure;
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, step.Text))
        {
            Usage = step.Usage,
            AdditionalProperties = step.Properties,
            ModelId = options?.ModelId,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var step = Next(messages, options, streaming: true);
        if (step.Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        var text = step.Text ?? string.Empty;
        var sent = 0;
        for (var offset = 0; offset < text.Length; offset += ChunkSize)
        {
            if (step.FailAfterChunks == sent)
            {
                break;
            }

            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            sent++;
            yield return new ChatResponseUpdate(ChatRole.Assistant, text.Substring(offset, Math.Min(ChunkSize, text.Length - offset)));
        }

        if (step.Failure is not null)
        {
            throw step.Failure;
        }

        if (step.Usage is not null || step.Properties is not null)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, step.Usage is null ? [] : [new UsageContent(step.Usage)])
            {
                AdditionalProperties = step.Properties,
            };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private Step Next(IEnumerable<ChatMessage> messages, ChatOptions? options, bool streaming)
    {
        Calls.Add(new FakeChatCall([.. messages], options, streaming));
        return _script.Count > 0
            ? _script.Dequeue()
            : throw new InvalidOperationException($"FakeChatClient has no scripted step for call {Calls.Count}.");
    }

    private sealed record Step(
        string? Text,
        UsageDetails? Usage,
        AdditionalPropertiesDictionary? Properties,
        Exception? Failure,
        int? FailAfterChunks,
        bool Hang);
}

internal sealed record FakeChatCall(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options, bool Streaming)
{
    public string System => Messages.Single(m => m.Role == ChatRole.System).Text;

    public string User => Messages.Single(m => m.Role == ChatRole.User).Text;
}
