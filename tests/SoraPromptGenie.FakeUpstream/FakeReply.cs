using System.Text.Json;

namespace SoraPromptGenie.FakeUpstream;

/// <summary>
/// One scripted answer of the fake upstream. Content replies (<see cref="Text"/>, <see cref="Json"/>, <see cref="Echo"/>,
/// <see cref="Auto"/>) answer a streaming request with the same content as SSE chunks.
/// </summary>
public abstract record FakeReply
{
    private readonly int _chunks = 5;

    /// <summary>Wait before anything is sent (time to first byte).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Pause between two streamed content chunks.</summary>
    public TimeSpan ChunkInterval { get; init; }

    /// <summary>How many content chunks a streamed answer is split into, at word boundaries.</summary>
    public int Chunks
    {
        get => _chunks;
        init => _chunks = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one chunk is needed.");
    }

    public string FinishReason { get; init; } = "stop";

    public static FakeReply Text(string content, int promptTokens = 11, int completionTokens = 7, decimal? cost = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new FixedContentReply(content, new TokenUsage(promptTokens, completionTokens, cost));
    }

    /// <summary>A model answer whose content is the given JSON text (checked here, so a typo fails the test that wrote it).</summary>
    public static FakeReply Json(string json, int promptTokens = 11, int completionTokens = 7, decimal? cost = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        using (JsonDocument.Parse(json))
        {
        }

        return new FixedContentReply(json, new TokenUsage(promptTokens, completionTokens, cost));
    }

    /// <summary>A deterministic answer derived from the last user message, so different inputs give different outputs.</summary>
    public static FakeReply Echo() => new EchoReply();

    /// <summary>
    /// A JSON array of <paramref name="suggestionCount"/> <c>{title, description}</c> objects when the instructions ask for a
    /// "JSON array", else the same text as <see cref="Echo"/>.
    /// </summary>
    public static FakeReply Auto(int suggestionCount = 8)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(suggestionCount);
        return new AutoReply(suggestionCount);
    }

    /// <summary>
    /// An error status. <paramref name="body"/> is sent as is when it is a JSON object; otherwise it is the message of an
    /// OpenAI-style <c>{"error":{"message","code"}}</c> body.
    /// </summary>
    public static FakeReply Status(int status, string? body = null, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        if (retryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "Retry-After cannot be negative.");
        }

        return new StatusReply(status, body, retryAfter);
    }

    /// <summary>200 with a body that is not JSON (streaming: one <c>data:</c> event that is not JSON).</summary>
    public static FakeReply Malformed(string body = "<html>oops</html>")
    {
        ArgumentNullException.ThrowIfNull(body);
        return new MalformedReply(body);
    }

    /// <summary>200 with <c>choices: []</c> (streaming: only the usage chunk and <c>[DONE]</c>).</summary>
    public static FakeReply EmptyChoices() => new EmptyChoicesReply();

    /// <summary>Never answers; the request ends when the client disconnects or the server stops.</summary>
    public static FakeReply Hang() => new HangReply();

    /// <summary>Sends the start of an answer holding <paramref name="partialContent"/>, then aborts the connection.</summary>
    public static FakeReply TruncatedStream(string partialContent)
    {
        ArgumentNullException.ThrowIfNull(partialContent);
        return new TruncatedStreamReply(partialContent);
    }

    internal abstract Task WriteAsync(ReplyContext context);
}
