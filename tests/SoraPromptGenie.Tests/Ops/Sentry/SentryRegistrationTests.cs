using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.Sentry;

[Collection(ProcessWideTestGroup.Name)]
public sealed class SentryRegistrationTests(SentryIngestAppFactory<SentryRegistrationTests.UpstreamErrorsReported> factory)
    : IClassFixture<SentryIngestAppFactory<SentryRegistrationTests.UpstreamErrorsReported>>
{
    private const string CookieSecret = "session-cookie-secret-0123456789";

    [Fact]
    public async Task UpstreamFailure_WithFallbackOff_SendsScrubbedEventWithRequestIdAndEnvironment()
    {
        factory.Upstream.Enqueue([.. Enumerable.Repeat(FakeReply.Status(500), 4)]);
        var requestId = $"sentry-test-{Guid.NewGuid():N}";
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auto-generate-prompt")
        {
            Content = JsonContent.Create(new { basicPrompt = "a fox crossing a snowy road at night" }),
        };
        request.Headers.Add("X-Request-Id", requestId);
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {AppFactory.ApiKey}");
        request.Headers.TryAddWithoutValidation("Cookie", $"session={CookieSecret}");

        using var response = await client.SendAsync(request);
        var envelope = await factory.Ingest.WaitForEventAsync(requestId, TimeSpan.FromSeconds(20));
        var everythingSent = string.Join('\n', factory.Ingest.Envelopes);

        Assert.True(response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable, $"status {response.StatusCode}");
        Assert.Contains($"\"request_id\":\"{requestId}\"", envelope, StringComparison.Ordinal);
        Assert.Contains("\"environment\":\"Production\"", envelope, StringComparison.Ordinal);
        Assert.Contains("\"release\":\"sora-prompt-genie@", envelope, StringComparison.Ordinal);
        Assert.Contains("UpstreamException", envelope, StringComparison.Ordinal);
        Assert.DoesNotContain("authorization", everythingSent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cookie", everythingSent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(CookieSecret, everythingSent, StringComparison.Ordinal);
        Assert.DoesNotContain(AppFactory.ApiKey, everythingSent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidJson_IsAClientMistake_SendsNoEvent()
    {
        var requestId = $"sentry-bad-json-{Guid.NewGuid():N}";
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auto-generate-prompt")
        {
            Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Request-Id", requestId);

        using var response = await client.SendAsync(request);

        // Events leave in order: once a later server error's event has arrived, an event for this request would have too.
        var laterServerError = await SendUpstreamFailureAsync(client);
        await factory.Ingest.WaitForEventAsync(laterServerError, TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(factory.Ingest.Envelopes, e => e.Contains(requestId, StringComparison.Ordinal) && e.Contains("{\"type\":\"event\"", StringComparison.Ordinal));
    }

    private async Task<string> SendUpstreamFailureAsync(HttpClient client)
    {
        factory.Upstream.Enqueue([.. Enumerable.Repeat(FakeReply.Status(500), 2)]);
        var requestId = $"sentry-control-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auto-generate-prompt")
        {
            Content = JsonContent.Create(new { basicPrompt = "a heron wading through reeds at dawn" }),
        };
        request.Headers.Add("X-Request-Id", requestId);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        return requestId;
    }

    [Fact]
    public void Services_WithDsn_RegisterTheSentryHub()
    {
        var hub = factory.Services.GetService<IHub>();

        Assert.NotNull(hub);
        Assert.True(hub.IsEnabled);
    }

    /// <summary>The offline fallback off and one retry, so upstream errors reach the client and the ingest.</summary>
    public sealed class UpstreamErrorsReported : IAppSettings
    {
        public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
        {
            ["LLM_FALLBACK_TO_OFFLINE"] = "false",
            ["Llm:MaxRetries"] = "1",
        };
    }
}
