using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text;

namespace SoraPromptGenie.FakeUpstream;

/// <summary>
/// Answers every request of the fake. Plain path matching instead of endpoint routing keeps the hot path short, and the
/// only shared state is lock-free, so thousands of concurrent connections cost little more than their timers.
/// </summary>
internal sealed class UpstreamHandler(FakeUpstreamOptions options, CancellationToken serverStopping)
{
    private readonly string _chatPath = options.BasePath.TrimEnd('/') + "/chat/completions";
    private readonly string _modelsPath = options.BasePath.TrimEnd('/') + "/models";
    private readonly ConcurrentQueue<FakeReply> _script = new();
    private ConcurrentQueue<RecordedRequest> _requests = new();
    private volatile FakeReply _default = options.Default;
    private int _requestCount;
    private long _responseIds;

    public FakeReply Default
    {
        get => _default;
        set => _default = value ?? throw new ArgumentNullException(nameof(value));
    }

    public int RequestCount => Volatile.Read(ref _requestCount);

    public IReadOnlyList<RecordedRequest> Requests => Volatile.Read(ref _requests).ToArray();

    public void Enqueue(IEnumerable<FakeReply> replies)
    {
        foreach (var reply in replies)
        {
            ArgumentNullException.ThrowIfNull(reply);
            _script.Enqueue(reply);
        }
    }

    public void Reset()
    {
        _script.Clear();
        Volatile.Write(ref _requests, new ConcurrentQueue<RecordedRequest>());
        Volatile.Write(ref _requestCount, 0);
        _default = options.Default;
    }

    public async Task HandleAsync(HttpContext http)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        Interlocked.Increment(ref _requestCount);
        var body = await ReadBodyAsync(http.Request.BodyReader, http.RequestAborted);
        var method = http.Request.Method;
        var path = http.Request.Path.Value ?? string.Empty;

        if (HttpMethods.IsPost(method) && path == _chatPath)
        {
            if (!ChatRequest.TryParse(body, out var request))
            {
                Record(http, receivedAt, body, null);
                await WriteErrorAsync(http, StatusCodes.Status400BadRequest, "The request body is not a chat-completions JSON object.");
                return;
            }

            Record(http, receivedAt, body, request);
            await ReplyAsync(http, request);
            return;
        }

        Record(http, receivedAt, body, null);
        if (HttpMethods.IsGet(method) && path == _modelsPath)
        {
            await ReplyContext.WriteJsonAsync(http, StatusCodes.Status200OK, json => ChatCompletionJson.WriteModels(json, options.Models, receivedAt.ToUnixTimeSeconds()));
            return;
        }

        await WriteErrorAsync(http, StatusCodes.Status404NotFound, $"No route for {method} {path}.");
    }

    private async Task ReplyAsync(HttpContext http, ChatRequest request)
    {
        var reply = _script.TryDequeue(out var scripted) ? scripted : _default;
        var id = "chatcmpl-fake-" + Interlocked.Increment(ref _responseIds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var context = new ReplyContext(http, request, id, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), serverStopping);
        try
        {
            await context.PauseAsync(reply.Delay);
            await reply.WriteAsync(context);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested || serverStopping.IsCancellationRequested)
        {
            // The client left or the server is stopping: drop the connection rather than finish a half-written answer.
            http.Abort();
        }
    }

    private void Record(HttpContext http, DateTimeOffset receivedAt, ReadOnlyMemory<byte> body, ChatRequest? request)
    {
        if (!options.RecordRequests)
        {
            return;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in http.Request.Headers)
        {
            headers[name] = values.ToString();
        }

        Volatile.Read(ref _requests).Enqueue(new RecordedRequest(
            http.Request.Method,
            http.Request.Path.Value ?? string.Empty,
            headers,
            Encoding.UTF8.GetString(body.Span),
            request?.Model,
            request?.Messages ?? [],
            request?.Stream ?? false,
            receivedAt));
    }

    private static Task WriteErrorAsync(HttpContext http, int status, string message) =>
        ReplyContext.WriteJsonAsync(http, status, json => ChatCompletionJson.WriteError(json, message, status));

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            if (result.IsCompleted || result.IsCanceled)
            {
                var bytes = result.Buffer.ToArray();
                reader.AdvanceTo(result.Buffer.End);
                return bytes;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }
}
