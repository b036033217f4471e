using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using SoraPromptGenie.Core.Engines;

namespace SoraPromptGenie.Ops.Errors;

/// <summary>
/// Declares, for the OpenAPI document, the error answers an endpoint gives in the product's error shape
/// (<see cref="ApiError"/>), each status described by the error codes it carries. Declaring the same status twice
/// (a group's and an endpoint's) keeps one response naming every code.
/// </summary>
public static class ApiErrorResponses
{
    public const string ContentType = "application/json";

    /// <summary>The endpoint answers <paramref name="status"/> with one of <paramref name="codes"/>.</summary>
    public static TBuilder ProducesApiError<TBuilder>(this TBuilder builder, int status, params string[] codes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(codes);
        builder.Add(endpoint => Declare(endpoint.Metadata, status, codes));
        return builder;
    }

    /// <summary>The endpoint answers each status with the code the error writer gives it by default.</summary>
    public static TBuilder ProducesApiErrors<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses)
        {
            builder.ProducesApiError(status, ErrorCodes.ForStatus(status));
        }

        return builder;
    }

    /// <summary>The endpoint asks the LLM: every way the call can fail, as the exception handler answers it.</summary>
    public static TBuilder ProducesUpstreamErrors<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var failure in Enum.GetValues<UpstreamFailure>())
        {
            var (status, code, _) = ExceptionClassifier.ForUpstream(new UpstreamException(failure, failure.ToString()));
            builder.ProducesApiError(status, code);
        }

        return builder;
    }

    /// <summary>The endpoint needs a dependency whose outage is answered 503 with the outage's code.</summary>
    public static TBuilder ProducesOutage<TBuilder>(this TBuilder builder, DependencyOutage outage)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(outage);
        return builder.ProducesApiError(StatusCodes.Status503ServiceUnavailable, outage.Code);
    }

    /// <summary>Adds the response to <paramref name="metadata"/>, or the codes to the one already declared for the status.</summary>
    public static void Declare(IList<object> metadata, int status, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var existing = metadata.OfType<ApiErrorResponseMetadata>().FirstOrDefault(m => m.StatusCode == status);
        if (existing is null)
        {
            metadata.Add(new ApiErrorResponseMetadata(status, codes));
        }
        else
        {
            existing.Add(codes);
        }
    }
}

/// <summary>One declared error status of an endpoint, the <see cref="ApiError"/> body and the codes it can carry.</summary>
public sealed class ApiErrorResponseMetadata : IProducesResponseTypeMetadata
{
    private readonly List<string> _codes = [];

    public ApiErrorResponseMetadata(int statusCode, IEnumerable<string> codes)
    {
        StatusCode = statusCode;
        Add(codes);
    }

    public int StatusCode { get; }

    public Type Type => typeof(ApiError);

    public IEnumerable<string> ContentTypes { get; } = [ApiErrorResponses.ContentType];

    public IReadOnlyList<string> Codes => _codes;

    public string Description => $"{ReasonPhrases.GetReasonPhrase(StatusCode)}: {string.Join(", ", _codes.Select(c => $"`{c}`"))}";

    public void Add(IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        _codes.AddRange(codes.Where(c => !_codes.Contains(c)));
    }
}
