using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Fuzz;

/// <summary>
/// Offline engine (no network), so thousands of bodies per endpoint run in seconds; every endpoint's bodies come from
/// one client address, so the general limit leaves room for all of them within one window.
/// </summary>
public sealed class OfflineFuzzing : IAppSettings
{
    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>(OfflineMode.Values)
    {
        ["RATE_LIMIT_GENERAL"] = "1000000/900",
    };
}

/// <summary>
/// Hostile bodies through the whole in-process pipeline: whatever arrives, the answer is never a 5xx, an error is
/// always the documented <c>{error, code, requestId}</c> shape, and memory does not grow with the number of requests.
/// </summary>
[Collection(FuzzTestGroup.Name)]
public sealed class ApiFuzzTests(AppFactory<OfflineFuzzing> app) : IClassFixture<AppFactory<OfflineFuzzing>>
{
    private const int Iterations = 10_000;
    private const int WarmUp = 1_000;

    private static readonly HashSet<string> DocumentedCodes =
        ["validation_failed", "invalid_json", "payload_too_large", "unsupported_media_type", "rate_limited", "not_found", "method_not_allowed"];

    public static TheoryData<string, string> Endpoints => new()
    {
        { "/api/enhance-prompt", """{"currentPrompt":"A fox in snow","enhancement":{"title":"Golden hour","description":"warm light","category":"lighting"},"enhancements":null}""" },
        { "/api/generate-suggestions", """{"category":"lighting","count":5,"currentPrompt":"A fox in snow"}""" },
        { "/api/auto-generate-prompt", """{"basicPrompt":"a fox in the snow at dawn"}""" },
        { "/api/structure-prompt", """{"currentPrompt":"A fox runs through snow at dawn."}""" },
        { "/api/lint-prompt", """{"prompt":"A fox runs through snow at dawn, slow dolly, 35mm."}""" },
        { "/api/sora-request", """{"prompt":"A fox at dawn","model":"sora-2","size":"1280x720","seconds":"4"}""" },
        { "/api/video-request", """{"target":"veo-3.1","prompt":"A fox at dawn","parameters":{"resolution":"1080p","durationSeconds":8,"generateAudio":true},"negativePrompt":"rain"}""" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_GeneratedBodies_NeverServerErrorAlwaysDocumentedError(string path, string template)
    {
        var shape = JsonNode.Parse(template)!.AsObject();
        var bodies = Gen.Select(Gen.Int[0, FuzzBodies.Kinds - 1], Gen.Int, (kind, seed) => (Kind: kind, Seed: seed));
        using var client = app.CreateClient();

        await bodies.SampleAsync(body => SendAndCheckAsync(client, path, FuzzBodies.Build(shape, body.Kind, body.Seed)), iter: WarmUp, threads: 4);
        var baseline = SettledMemory();
        await bodies.SampleAsync(body => SendAndCheckAsync(client, path, FuzzBodies.Build(shape, body.Kind, body.Seed)), iter: Iterations, threads: 4);
        var afterFirst = SettledMemory();
        await bodies.SampleAsync(body => SendAndCheckAsync(client, path, FuzzBodies.Build(shape, body.Kind, body.Seed)), iter: Iterations / 2, threads: 4);
        var afterSecond = SettledMemory();

        // Bounded buffers (the log sink's queue, the usage ledger's queue, EF's query cache) fill during the first batch;
        // what must not happen is further growth once they are full.
        Assert.True(afterFirst - baseline < 128L * 1024 * 1024, $"managed memory grew by {(afterFirst - baseline) / 1024 / 1024} MiB over {Iterations} requests");
        Assert.True(afterSecond - afterFirst < 16L * 1024 * 1024, $"managed memory kept growing: {(afterSecond - afterFirst) / 1024 / 1024} MiB over {Iterations / 2} more requests");
    }

    [Fact]
    public async Task Post_WrongContentType_Returns415WithDocumentedCode()
    {
        using var client = app.CreateClient();
        using var content = new ByteArrayContent("""{"basicPrompt":"a fox at dawn"}"""u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        using var response = await client.PostAsync(new Uri("/api/auto-generate-prompt", UriKind.Relative), content);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported_media_type", body.RootElement.GetProperty("code").GetString());
    }

    private static async Task SendAndCheckAsync(HttpClient client, string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;

        Assert.True(status < 500, $"{path} answered {status}: {text}");
        using var json = JsonDocument.Parse(text);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        if (status >= 400)
        {
            var code = json.RootElement.GetProperty("code").GetString();
            Assert.True(code is not null && DocumentedCodes.Contains(code), $"{path} answered {status} with code '{code}'");
            Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("error").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("requestId").GetString()));
        }
    }

    private static long SettledMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
