using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using SoraPromptGenie.FakeUpstream;

namespace SoraPromptGenie.Tests.Infrastructure;

public sealed class FakeUpstreamTests : IAsyncLifetime
{
    private const string Model = "openai/gpt-4o-mini";

    private FakeUpstreamServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeUpstreamServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetResponseAsync_TextReply_ReturnsContentAndUsage()
    {
        _server.Enqueue(FakeReply.Text("Hello from fake", promptTokens: 11, completionTokens: 7));
        using var client = CreateClient();

        var response = await client.GetResponseAsync("Say hello");

        Assert.Equal("Hello from fake", response.Text);
        Assert.Equal(Model, response.ModelId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(11, response.Usage?.InputTokenCount);
        Assert.Equal(7, response.Usage?.OutputTokenCount);
        Assert.Equal(18, response.Usage?.TotalTokenCount);
    }

    [Fact]
    public async Task PostChatCompletion_TextReplyWithCost_SendsCostInUsage()
    {
        _server.Enqueue(FakeReply.Text("priced", cost: 0.0015m));
        using var http = new HttpClient();

        using var response = await PostChatAsync(http, """{"model":"m","messages":[{"role":"user","content":"hi"}]}""");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("chat.completion", body.RootElement.GetProperty("object").GetString());
        Assert.Equal(0.0015m, body.RootElement.GetProperty("usage").GetProperty("cost").GetDecimal());
    }

    [Fact]
    public async Task GetStreamingResponseAsync_TextReply_StreamsChunksThenUsage()
    {
        _server.Enqueue(FakeReply.Text("one two three four five six", promptTokens: 5, completionTokens: 4) with { Chunks = 3 });
        using var client = CreateClient();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync("Count to six"))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        Assert.Equal("one two three four five six", response.Text);
        Assert.Equal(["one two ", "three four ", "five six"], updates.Select(u => u.Text).Where(t => t.Length > 0));
        Assert.Equal(5, response.Usage?.InputTokenCount);
        Assert.Equal(4, response.Usage?.OutputTokenCount);
        Assert.Equal(9, response.Usage?.TotalTokenCount);
        Assert.True(Assert.Single(_server.Requests).Stream);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ChunkInterval_PacesChunks()
    {
        _server.Enqueue(FakeReply.Text("a b c") with { Chunks = 3, ChunkInterval = TimeSpan.FromMilliseconds(150) });
        using var client = CreateClient();
        var arrivals = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();

        await foreach (var update in client.GetStreamingResponseAsync("pace"))
        {
            if (update.Text.Length > 0)
            {
                arrivals.Add(clock.Elapsed);
            }
        }

        Assert.Equal(3, arrivals.Count);
        Assert.True(arrivals[2] - arrivals[0] >= TimeSpan.FromMilliseconds(250), $"chunks arrived at {string.Join(", ", arrivals)}");
    }

    [Fact]
    public async Task GetResponseAsync_ReplyWithDelay_WaitsBeforeAnswering()
    {
        _server.Enqueue(FakeReply.Text("late") with { Delay = TimeSpan.FromMilliseconds(300) });
        using var client = CreateClient();
        var clock = Stopwatch.StartNew();

        var response = await client.GetResponseAsync("wait");

        Assert.Equal("late", response.Text);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(280), $"answered after {clock.Elapsed}");
    }

    [Fact]
    public async Task GetResponseAsync_AnyCall_RecordsModelMessagesAndHeaders()
    {
        _server.Enqueue(FakeReply.Text("ok"));
        using var client = CreateClient("anthropic/claude-3.5-haiku");
        var before = DateTimeOffset.UtcNow;

        await client.GetResponseAsync([new(ChatRole.System, "You write prompts."), new(ChatRole.User, "A fox at dawn")]);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v1/chat/completions", request.Path);
        Assert.Equal("anthropic/claude-3.5-haiku", request.Model);
        Assert.Equal([new RecordedMessage("system", "You write prompts."), new RecordedMessage("user", "A fox at dawn")], request.Messages);
        Assert.False(request.Stream);
        Assert.Equal("Bearer sk-test", request.Headers["authorization"]);
        Assert.Contains("A fox at dawn", request.Body, StringComparison.Ordinal);
        Assert.InRange(request.ReceivedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow);
        Assert.Equal(1, _server.RequestCount);
    }

    [Fact]
    public async Task GetResponseAsync_Status401_ThrowsClientResultExceptionWith401()
    {
        _server.Enqueue(FakeReply.Status(401, "No auth credentials found"));
        using var client = CreateClient();

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(401, error.Status);
        Assert.Contains("No auth credentials found", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _server.RequestCount);
    }

    [Fact]
    public async Task GetResponseAsync_Status429WithRetryAfter_ExposesRetryAfterHeader()
    {
        _server.Enqueue(FakeReply.Status(429, retryAfter: TimeSpan.FromSeconds(1.5)));
        using var client = CreateClient();

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(429, error.Status);
        Assert.True(error.GetRawResponse()!.Headers.TryGetValue("Retry-After", out var retryAfter));
        Assert.Equal("2", retryAfter);
    }

    [Fact]
    public async Task PostChatCompletion_StatusWithJsonBody_SendsBodyVerbatim()
    {
        const string body = """{"error":{"message":"Provider returned error","code":502,"metadata":{"provider_name":"X"}}}""";
        _server.Enqueue(FakeReply.Status(502, body));
        using var http = new HttpClient();

        using var response = await PostChatAsync(http, """{"model":"m","messages":[]}""");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetResponseAsync_Malformed_ThrowsJsonException()
    {
        _server.Enqueue(FakeReply.Malformed());
        using var client = CreateClient();

        await Assert.ThrowsAnyAsync<JsonException>(() => client.GetResponseAsync("hi"));
    }

    [Fact]
    public async Task GetResponseAsync_EmptyChoices_SdkThrowsArgumentOutOfRange()
    {
        _server.Enqueue(FakeReply.EmptyChoices());
        using var client = CreateClient();

        // OpenAI 2.15.0 reads choices[0] unguarded when MEAI asks for the role, so callers must treat this as a bad body.
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetResponseAsync("hi"));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_EmptyChoices_YieldsOnlyUsage()
    {
        _server.Enqueue(FakeReply.EmptyChoices());
        using var client = CreateClient();

        var response = await client.GetStreamingResponseAsync("hi").ToChatResponseAsync();

        Assert.Equal(string.Empty, response.Text);
        Assert.True(response.Usage?.InputTokenCount > 0);
    }

    [Fact]
    public async Task GetResponseAsync_Hang_IsCancelledByToken()
    {
        _server.Enqueue(FakeReply.Hang());
        using var client = CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync("hi", cancellationToken: timeout.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"cancelled after {clock.Elapsed}");
        Assert.Equal(1, _server.RequestCount);
    }

    [Fact]
    public async Task DisposeAsync_RequestStillHanging_ReturnsPromptly()
    {
        _server.Enqueue(FakeReply.Hang());
        using var client = CreateClient();
        var pending = client.GetResponseAsync("hi");
        await WaitUntilAsync(() => _server.RequestCount == 1);
        var clock = Stopwatch.StartNew();

        await _server.DisposeAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"stopped after {clock.Elapsed}");
        await Assert.ThrowsAnyAsync<Exception>(() => pending);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_TruncatedStream_ThrowsAfterPartialContent()
    {
        _server.Enqueue(FakeReply.TruncatedStream("A lone lighthouse"));
        using var client = CreateClient();
        var received = new StringBuilder();

        var error = await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync("hi"))
            {
                received.Append(update.Text);
            }
        });

        Assert.Equal("A lone lighthouse", received.ToString());
        Assert.NotNull(error);
    }

    [Fact]
    public async Task GetResponseAsync_TruncatedNonStreamingBody_Throws()
    {
        _server.Enqueue(FakeReply.TruncatedStream("A lone lighthouse"));
        using var client = CreateClient();

        await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync("hi"));
    }

    [Fact]
    public async Task GetResponseAsync_QueuedReplies_AnswerInOrderThenDefault()
    {
        _server.Default = FakeReply.Text("fallback");
        _server.Enqueue(FakeReply.Text("first"), FakeReply.Text("second"));
        using var client = CreateClient();

        var answers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await client.GetResponseAsync($"call {i}")).Text);
        }

        Assert.Equal(["first", "second", "fallback", "fallback"], answers);
    }

    [Fact]
    public async Task GetResponseAsync_StoppedServer_ConnectionIsRefused()
    {
        using var client = CreateClient();
        await client.GetResponseAsync("warm up the connection pool");
        var port = _server.BaseUrl.Port;

        await _server.StopAsync();

        var clientError = await Assert.ThrowsAsync<ClientResultException>(() => client.GetResponseAsync("hi"));
        Assert.IsType<HttpRequestException>(clientError.InnerException);
        using var socket = new TcpClient();
        var socketError = await Assert.ThrowsAsync<SocketException>(() => socket.ConnectAsync(IPAddress.Loopback, port));
        Assert.Equal(SocketError.ConnectionRefused, socketError.SocketErrorCode);
    }

    [Fact]
    public async Task GetResponseAsync_Echo_IsDeterministicPerUserMessage()
    {
        _server.Default = FakeReply.Echo();
        using var client = CreateClient();

        var first = await client.GetResponseAsync("A red kite over the dunes");
        var again = await client.GetResponseAsync("A red kite over the dunes");
        var other = await client.GetResponseAsync("A tram in the snow");

        Assert.Equal("A cinematic take: A red kite over the dunes", first.Text);
        Assert.Equal(first.Text, again.Text);
        Assert.Equal("A cinematic take: A tram in the snow", other.Text);
    }

    [Fact]
    public async Task GetResponseAsync_AutoWithJsonArrayInstructions_ReturnsEightSuggestions()
    {
        _server.Default = FakeReply.Auto();
        using var client = CreateClient();

        var response = await client.GetResponseAsync(
            [new(ChatRole.System, "Answer with a JSON array of objects with title and description."), new(ChatRole.User, "A harbour at dusk")]);

        using var suggestions = JsonDocument.Parse(response.Text);
        Assert.Equal(8, suggestions.RootElement.GetArrayLength());
        Assert.All(suggestions.RootElement.EnumerateArray(), s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("title").GetString()));
            Assert.Contains("A harbour at dusk", s.GetProperty("description").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task GetStreamingResponseAsync_AutoWithoutJsonArrayInstructions_StreamsEcho()
    {
        _server.Default = FakeReply.Auto();
        using var client = CreateClient();

        var response = await client.GetStreamingResponseAsync([new(ChatRole.System, "Improve the prompt."), new(ChatRole.User, "A harbour at dusk")])
            .ToChatResponseAsync();

        Assert.Equal("A cinematic take: A harbour at dusk", response.Text);
        Assert.True(response.Usage?.OutputTokenCount > 0);
    }

    [Fact]
    public void Json_InvalidJson_Throws()
    {
        Assert.ThrowsAny<JsonException>(() => FakeReply.Json("{\"title\": "));
    }

    [Fact]
    public async Task GetResponseAsync_JsonReply_ReturnsJsonContent()
    {
        _server.Enqueue(FakeReply.Json("""[{"title":"Low angle","description":"From the ground up."}]"""));
        using var client = CreateClient();

        var response = await client.GetResponseAsync("suggest");

        Assert.Equal("""[{"title":"Low angle","description":"From the ground up."}]""", response.Text);
    }

    [Fact]
    public async Task GetModels_Always_ListsModels()
    {
        using var http = new HttpClient();

        using var body = JsonDocument.Parse(await http.GetStringAsync(new Uri(_server.BaseUrl + "/models")));

        Assert.Equal("list", body.RootElement.GetProperty("object").GetString());
        Assert.Contains(body.RootElement.GetProperty("data").EnumerateArray(), m => m.GetProperty("id").GetString() == Model);
    }

    [Fact]
    public async Task Reset_AfterCallsAndScript_ClearsEverything()
    {
        _server.Default = FakeReply.Text("custom default");
        _server.Enqueue(FakeReply.Text("scripted"), FakeReply.Text("never used"));
        using var client = CreateClient();
        await client.GetResponseAsync("hi");

        _server.Reset();

        Assert.Empty(_server.Requests);
        Assert.Equal(0, _server.RequestCount);
        Assert.Equal("A cinematic take: after reset", (await client.GetResponseAsync("after reset")).Text);
    }

    [Fact]
    public async Task PostChatCompletion_ManyConcurrentCalls_AnswersAndRecordsEach()
    {
        _server.Default = FakeReply.Echo() with { Delay = TimeSpan.FromMilliseconds(50) };
        using var http = new HttpClient();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            using var response = await PostChatAsync(http, $$"""{"model":"m","messages":[{"role":"user","content":"call {{i}}"}]}""");
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(200, _server.RequestCount);
        Assert.Equal(200, _server.Requests.Select(r => r.Messages[0].Content).Distinct().Count());
    }

    [Fact]
    public async Task PostChatCompletion_BodyIsNotJson_Returns400()
    {
        using var http = new HttpClient();

        using var response = await PostChatAsync(http, "not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("not json", Assert.Single(_server.Requests).Body);
    }

    [Fact]
    public async Task ProcessMode_SigTerm_ServesThenExitsCleanly()
    {
        var dll = typeof(FakeUpstreamServer).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--port", "0", "--delay-ms", "20", "--chunks", "2", "--no-record" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.StartsWith("listening on http://127.0.0.1:", line, StringComparison.Ordinal);
            using var http = new HttpClient { BaseAddress = new Uri(line!["listening on ".Length..] + "/") };
            using var answer = await http.PostAsync(
                new Uri("chat/completions", UriKind.Relative),
                new StringContent("""{"model":"m","messages":[{"role":"user","content":"a boat"}]}""", Encoding.UTF8, "application/json"),
                timeout.Token);
            Assert.Contains("A cinematic take: a boat", await answer.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);

            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    private IChatClient CreateClient(string model = Model) =>
        new OpenAI.Chat.ChatClient(
            model,
            new ApiKeyCredential("sk-test"),
            new OpenAIClientOptions { Endpoint = _server.BaseUrl, RetryPolicy = new ClientRetryPolicy(0) }).AsIChatClient();

    private Task<HttpResponseMessage> PostChatAsync(HttpClient http, string json) =>
        http.PostAsync(new Uri(_server.BaseUrl + "/chat/completions"), new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(5), "condition not met within 5 s");
            await Task.Delay(10);
        }
    }
}
