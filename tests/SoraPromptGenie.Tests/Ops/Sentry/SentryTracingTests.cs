using System.Net;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.Sentry;

/// <summary>Every request traced: what a transaction carries about a share link or a library search.</summary>
[Collection(ProcessWideTestGroup.Name)]
public sealed class SentryTracingTests(SentryIngestAppFactory<SentryTracingTests.EveryRequestTraced> factory)
    : IClassFixture<SentryIngestAppFactory<SentryTracingTests.EveryRequestTraced>>
{
    [Theory]
    [InlineData("/api/shared/{0}?q={1}")]
    [InlineData("/api/shared/{0}/unmatched?q={1}")]
    [InlineData("/p/{0}?q={1}")]
    public async Task Transaction_ShareUrlWithSearch_CarriesNeitherTokenNorTerm(string pathFormat)
    {
        var token = $"share{Guid.NewGuid():N}";
        var term = $"term{Guid.NewGuid():N}";
        var requestId = $"sentry-share-{Guid.NewGuid():N}";
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, token, term));
        request.Headers.Add("X-Request-Id", requestId);

        using var response = await client.SendAsync(request);
        var transaction = await factory.Ingest.WaitForTransactionAsync(requestId, TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("[redacted]", transaction, StringComparison.Ordinal);
        Assert.DoesNotContain(token, transaction, StringComparison.Ordinal);
        Assert.DoesNotContain(term, transaction, StringComparison.Ordinal);
    }

    /// <summary>Every request's transaction is sent.</summary>
    public sealed class EveryRequestTraced : IAppSettings
    {
        public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?> { ["SENTRY_TRACES_SAMPLE_RATE"] = "1" };
    }
}
