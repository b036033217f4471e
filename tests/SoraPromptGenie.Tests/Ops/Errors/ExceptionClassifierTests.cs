using Microsoft.Extensions.DependencyInjection;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Data;
using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.Errors;

public sealed class ExceptionClassifierTests
{
    private static readonly DependencyOutage QueueOutage =
        new("Queue", "queue_unavailable", "The queue is unavailable.", e => e is TimeoutException);

    [Fact]
    public void Classify_ExceptionARegisteredOutageMatches_Is503WithTheOutagesCodeAndMessage()
    {
        var classifier = new ExceptionClassifier([QueueOutage]);

        var (status, code, message) = classifier.Classify(new TimeoutException("queue timed out"));

        Assert.Equal((503, "queue_unavailable", "The queue is unavailable."), (status, code, message));
        Assert.True(classifier.IsExpected(new TimeoutException()));
    }

    [Fact]
    public void Classify_OutageNotRegisteredWithThisClassifier_IsAnUnexpected500()
    {
        // Outages are the container's, not the process's: another host's registration does not leak in.
        _ = new ExceptionClassifier([QueueOutage]);
        var classifier = new ExceptionClassifier([]);

        var (status, code, _) = classifier.Classify(new TimeoutException());

        Assert.Equal((500, ErrorCodes.InternalError), (status, code));
        Assert.False(classifier.IsExpected(new TimeoutException()));
    }

    [Fact]
    public async Task App_RegistersTheDatabaseOutage_ForTheClassifier()
    {
        var factory = new AppFactory();
        await factory.InitializeAsync();
        try
        {
            var classifier = factory.Services.GetRequiredService<ExceptionClassifier>();

            Assert.Same(DatabaseFailures.Outage, classifier.FindOutage(new Microsoft.Data.Sqlite.SqliteException("unable to open database file", 14)));
        }
        finally
        {
            await factory.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(UpstreamFailure.Error, 502, "upstream_error")]
    [InlineData(UpstreamFailure.AuthFailed, 502, "upstream_auth_failed")]
    [InlineData(UpstreamFailure.Unavailable, 503, "upstream_unavailable")]
    [InlineData(UpstreamFailure.Timeout, 504, "upstream_timeout")]
    public void Classify_UpstreamFailure_HasItsDocumentedStatusAndCode(UpstreamFailure failure, int status, string code)
    {
        var classified = new ExceptionClassifier([]).Classify(new UpstreamException(failure, "x"));

        Assert.Equal((status, code), (classified.Status, classified.Code));
    }
}
