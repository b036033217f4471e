using System.ClientModel;
using System.Net;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Llm;

namespace SoraPromptGenie.Tests.Engines.Llm;

public sealed class UpstreamErrorMapperTests
{
    [Theory]
    [InlineData(401, UpstreamFailure.AuthFailed)]
    [InlineData(403, UpstreamFailure.AuthFailed)]
    [InlineData(429, UpstreamFailure.Unavailable)]
    [InlineData(408, UpstreamFailure.Timeout)]
    [InlineData(504, UpstreamFailure.Timeout)]
    [InlineData(400, UpstreamFailure.Error)]
    [InlineData(402, UpstreamFailure.Error)]
    [InlineData(500, UpstreamFailure.Error)]
    [InlineData(503, UpstreamFailure.Error)]
    public void Map_ClientResultException_MapsByStatus(int status, UpstreamFailure expected)
    {
        var exception = new ClientResultException(new StatusResponse(status));

        var mapped = UpstreamErrorMapper.Map(exception, budgetExpired: false);

        Assert.Equal(expected, mapped.Failure);
        Assert.Equal(status, mapped.UpstreamStatus);
        Assert.Same(exception, mapped.InnerException);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, UpstreamFailure.AuthFailed)]
    [InlineData(HttpStatusCode.TooManyRequests, UpstreamFailure.Unavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout, UpstreamFailure.Timeout)]
    [InlineData(HttpStatusCode.BadGateway, UpstreamFailure.Error)]
    public void Map_HttpRequestExceptionWithStatus_MapsByStatus(HttpStatusCode status, UpstreamFailure expected)
    {
        var exception = new HttpRequestException("failed", null, status);

        var mapped = UpstreamErrorMapper.Map(exception, budgetExpired: false);

        Assert.Equal(expected, mapped.Failure);
        Assert.Equal((int)status, mapped.UpstreamStatus);
    }

    public static TheoryData<Exception, UpstreamFailure> Failures => new()
    {
        { new HttpRequestException("Connection refused"), UpstreamFailure.Unavailable },
        { new BrokenCircuitException("The circuit is now open"), UpstreamFailure.Unavailable },
        { new IsolatedCircuitException("isolated"), UpstreamFailure.Unavailable },
        { new TimeoutRejectedException("didn't complete within 00:00:07"), UpstreamFailure.Timeout },
        { new TimeoutException(), UpstreamFailure.Timeout },
        { new TaskCanceledException("HttpClient.Timeout", new TimeoutException()), UpstreamFailure.Timeout },
        { new AggregateException("Retry failed after 4 tries.", new TaskCanceledException(), new TaskCanceledException()), UpstreamFailure.Timeout },
        { new InvalidOperationException("wrapper", new ClientResultException(new StatusResponse(401))), UpstreamFailure.AuthFailed },
        { new JsonException("'<' is an invalid start of a value."), UpstreamFailure.Error },
        { new InvalidOperationException("The response contained no choices."), UpstreamFailure.Error },
        { new UpstreamException(UpstreamFailure.Unavailable, "as is"), UpstreamFailure.Unavailable },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Map_PipelineFailure_MapsToItsFailure(Exception exception, UpstreamFailure expected)
    {
        var mapped = UpstreamErrorMapper.Map(exception, budgetExpired: false);

        Assert.Equal(expected, mapped.Failure);
    }

    [Fact]
    public void Map_AnyFailureAfterBudgetExpired_IsTimeout()
    {
        var mapped = UpstreamErrorMapper.Map(new HttpRequestException("aborted"), budgetExpired: true);

        Assert.Equal(UpstreamFailure.Timeout, mapped.Failure);
    }

    [Fact]
    public void Map_429WithRetryAfterSeconds_CarriesTheWait()
    {
        var exception = new ClientResultException(new StatusResponse(429, new Dictionary<string, string> { ["Retry-After"] = "42" }));

        var mapped = UpstreamErrorMapper.Map(exception, budgetExpired: false);

        Assert.Equal(UpstreamFailure.Unavailable, mapped.Failure);
        Assert.Equal(TimeSpan.FromSeconds(42), mapped.RetryAfter);
    }

    [Fact]
    public void Map_429WithRetryAfterDate_CarriesTheTimeUntilThen()
    {
        var now = new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
        var exception = new ClientResultException(new StatusResponse(429, new Dictionary<string, string> { ["retry-after"] = "Fri, 04 Dec 2026 10:01:30 GMT" }));

        var mapped = UpstreamErrorMapper.Map(exception, budgetExpired: false, now);

        Assert.Equal(TimeSpan.FromSeconds(90), mapped.RetryAfter);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    public void Map_429WithoutUsableRetryAfter_HasNone(string? value)
    {
        var headers = value is null ? null : new Dictionary<string, string> { ["Retry-After"] = value };

        var mapped = UpstreamErrorMapper.Map(new ClientResultException(new StatusResponse(429, headers)), budgetExpired: false);

        Assert.Equal(UpstreamFailure.Unavailable, mapped.Failure);
        Assert.Null(mapped.RetryAfter);
    }
}
