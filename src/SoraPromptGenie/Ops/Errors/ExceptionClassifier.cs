using System.Text.Json;
using SoraPromptGenie.Core.Engines;

namespace SoraPromptGenie.Ops.Errors;

/// <summary>
/// The status, code and message an exception is answered with, wherever it surfaces: the exception handler, the closing
/// event of a stream, the Sentry filter and the diagnostics switch all ask this one service.
/// </summary>
public sealed class ExceptionClassifier(IEnumerable<DependencyOutage> outages)
{
    private readonly DependencyOutage[] _outages = [.. outages];

    public DependencyOutage? FindOutage(Exception exception) => _outages.FirstOrDefault(o => o.Matches(exception));

    public (int Status, string Code, string Message) Classify(Exception exception) => exception switch
    {
        UpstreamException upstream => ForUpstream(upstream),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (413, ErrorCodes.PayloadTooLarge, ErrorCodes.DefaultMessage(413)),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
            (415, ErrorCodes.UnsupportedMediaType, ErrorCodes.DefaultMessage(415)),
        BadHttpRequestException { InnerException: JsonException json } => ClassifyJson(json),
        BadHttpRequestException bad when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) =>
            (400, ErrorCodes.InvalidJson, "The request body must be a JSON object."),
        BadHttpRequestException bad => (bad.StatusCode, ErrorCodes.ForStatus(bad.StatusCode), ErrorCodes.DefaultMessage(bad.StatusCode)),
        JsonException json => ClassifyJson(json),
        _ when FindOutage(exception) is { } outage => (StatusCodes.Status503ServiceUnavailable, outage.Code, outage.Message),
        _ => (500, ErrorCodes.InternalError, ErrorCodes.DefaultMessage(500)),
    };

    /// <summary>Answered below 500: a client mistake or a known outage, not an incident.</summary>
    public bool IsExpected(Exception exception) => Classify(exception).Status != StatusCodes.Status500InternalServerError;

    public static (int Status, string Code, string Message) ForUpstream(UpstreamException upstream)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        return (StatusFor(upstream.Failure), upstream.Code, MessageFor(upstream.Failure));
    }

    /// <summary>
    /// System.Text.Json raises its internal reader exception for malformed text (when deserializing, wrapped in a plain
    /// JsonException that adds the path) and a plain JsonException with a path for a value of the wrong type; the first
    /// is "not JSON", the second is a validation failure.
    /// </summary>
    private static (int, string, string) ClassifyJson(JsonException json)
    {
        if (json.GetType() != typeof(JsonException) || json.InnerException is JsonException)
        {
            return (400, ErrorCodes.InvalidJson, "The request body is not valid JSON.");
        }

        var field = json.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
        return field is null
            ? (400, ErrorCodes.InvalidJson, "The request body must be a JSON object.")
            : (400, ErrorCodes.ValidationFailed, $"Field '{field}' has the wrong type.");
    }

    private static int StatusFor(UpstreamFailure failure) => failure switch
    {
        UpstreamFailure.Unavailable => StatusCodes.Status503ServiceUnavailable,
        UpstreamFailure.Timeout => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status502BadGateway,
    };

    private static string MessageFor(UpstreamFailure failure) => failure switch
    {
        UpstreamFailure.AuthFailed => "The language model rejected our credentials. An operator needs to check the API key.",
        UpstreamFailure.Unavailable => "The language model is unavailable right now. Try again in a minute.",
        UpstreamFailure.Timeout => "The language model did not answer in time. Try again.",
        _ => "The language model returned an unusable answer. Try again.",
    };
}
