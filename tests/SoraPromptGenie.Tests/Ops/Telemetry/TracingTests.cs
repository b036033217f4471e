using System.Net;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Ops;
using SoraPromptGenie.Ops.Telemetry;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.Telemetry;

/// <summary>
/// With OTLP tracing configured the host starts an activity per request again (the tracer listens), so the request id
/// is the trace's and the model call carries that trace upstream. Process-wide: the tracer's listener would give every
/// other host's requests activities too.
/// </summary>
[Collection(ProcessWideTestGroup.Name)]
public sealed class TracingTests(AppFactory<TracingTests.CollectorDown> app) : IClassFixture<AppFactory<TracingTests.CollectorDown>>
{
    [Fact]
    public async Task EnhancePrompt_OtlpTracingOn_RequestIdIsTheTraceAndTheModelCallCarriesIt()
    {
        app.Upstream.Reset();
        app.Upstream.Enqueue(FakeReply.Text("A red fox at golden hour."));
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(
            "/api/enhance-prompt",
            """{"currentPrompt":"A red fox crosses a snowy road.","enhancement":{"title":"Golden Hour","description":"Low warm sun.","category":"lighting"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requestId = response.Header(RequestContext.RequestIdHeader) ?? string.Empty;
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-01$", requestId);
        var traceparent = Assert.Single(app.Upstream.Requests).Headers["traceparent"];
        Assert.Equal(requestId.Split('-')[1], traceparent.Split('-')[1]);
        Assert.NotEqual(requestId, traceparent);
    }

    /// <summary>Traces go to a port nothing listens on: exporting fails quietly in the background, as with a collector down.</summary>
    public sealed class CollectorDown : IAppSettings
    {
        public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
        {
            [TelemetryRegistration.OtlpEndpointVariable] = "http://127.0.0.1:9",
        };
    }
}
