using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace SoraPromptGenie.FakeUpstream;

/// <summary>What a <see cref="FakeReply"/> needs to answer one chat-completions request.</summary>
internal sealed class ReplyContext(HttpContext http, ChatRequest request, string responseId, long created, CancellationToken serverStopping)
    : IDisposable
{
    private CancellationTokenSource? _waits;

    public HttpContext Http => http;

    public ChatRequest Request => request;

    public string ResponseId => responseId;

    public long Created => created;

    public string Model => request.Model ?? "fake-model";

    public CancellationToken Aborted => http.RequestAborted;

    /// <summary>Waits unless the client leaves or the server stops, so a stopping server never waits for a slow reply.</summary>
    public Task PauseAsync(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        _waits ??= CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, serverStopping);
        return Task.Delay(duration, _waits.Token);
    }

    public Task WriteJsonAsync(int status, Action<Utf8JsonWriter> write) => WriteJsonAsync(http, status, write);

    public static async Task WriteJsonAsync(HttpContext http, int status, Action<Utf8JsonWriter> write)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        var body = http.Response.BodyWriter;
        using (var json = new Utf8JsonWriter(body, ChatCompletionJson.WriterOptions))
        {
            write(json);
        }

        await body.FlushAsync(http.RequestAborted);
    }

    public async Task WriteRawAsync(int status, string contentType, string content, long? declareLength = null)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = declareLength;
        var body = http.Response.BodyWriter;
        Encoding.UTF8.GetBytes(content, body);
        await body.FlushAsync(Aborted);
    }

    public EventStream StartEventStream()
    {
        http.Response.StatusCode = 200;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        return new EventStream(http.Response.BodyWriter, Aborted);
    }

    public void Dispose() => _waits?.Dispose();
}

/// <summary>Server-sent events in the OpenAI framing: <c>data: {json}</c>, a blank line, each flushed at once.</summary>
internal sealed class EventStream(PipeWriter body, CancellationToken aborted) : IDisposable
{
    private readonly Utf8JsonWriter _json = new(body, ChatCompletionJson.WriterOptions);

    public async Task WriteEventAsync(Action<Utf8JsonWriter> write)
    {
        body.Write("data: "u8);
        write(_json);
        _json.Flush();
        _json.Reset();
        body.Write("\n\n"u8);
        await body.FlushAsync(aborted);
    }

    public async Task WriteRawEventAsync(string data)
    {
        body.Write("data: "u8);
        Encoding.UTF8.GetBytes(data, body);
        body.Write("\n\n"u8);
        await body.FlushAsync(aborted);
    }

    public async Task WriteDoneAsync()
    {
        body.Write("data: [DONE]\n\n"u8);
        await body.FlushAsync(aborted);
    }

    public void Dispose() => _json.Dispose();
}
