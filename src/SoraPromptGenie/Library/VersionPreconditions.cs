using System.Globalization;
using SoraPromptGenie.Ops.Errors;

namespace SoraPromptGenie.Library;

/// <summary>
/// Optimistic concurrency of saved prompts and storyboards over HTTP: the ETag is the version number, and a write names
/// the version it was made on with <c>If-Match</c>.
/// </summary>
public static class VersionPreconditions
{
    public static string ETagFor(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void SetETag(HttpContext http, int version)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.ETag = ETagFor(version);
    }

    /// <summary>
    /// Reads <c>If-Match: "n"</c>. Missing where required: 428 <c>precondition_required</c>; malformed: 400;
    /// <c>*</c>: no version check (null version, no error). <paramref name="resource"/> names what is edited in the messages.
    /// </summary>
    public static (int? Version, ApiErrorResult? Error) ReadIfMatch(HttpRequest request, bool required, string resource)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            return required
                ? (null, ApiResults.Error(StatusCodes.Status428PreconditionRequired, ErrorCodes.PreconditionRequired,
                    $"Send If-Match with the ETag from your last GET of this {resource}, so an edit made elsewhere is not overwritten."))
                : (null, null);
        }

        if (header == "*")
        {
            return (null, null);
        }

        if (header.Length > 2 && header[0] == '"' && header[^1] == '"'
            && int.TryParse(header.AsSpan(1, header.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return (version, null);
        }

        return (null, ApiResults.Validation($"If-Match must be the {resource}'s ETag, for example \"3\"."));
    }

    /// <summary>Declares what <see cref="ReadIfMatch"/> and a stale version answer.</summary>
    public static RouteHandlerBuilder ChecksIfMatch(this RouteHandlerBuilder builder, bool required)
    {
        builder.ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status412PreconditionFailed);
        return required ? builder.ProducesApiErrors(StatusCodes.Status428PreconditionRequired) : builder;
    }

    /// <summary>412 <c>precondition_failed</c>: the version named in If-Match is no longer the newest.</summary>
    public static ApiErrorResult Stale() => ApiResults.Error(
        StatusCodes.Status412PreconditionFailed, ErrorCodes.PreconditionFailed, ErrorCodes.DefaultMessage(StatusCodes.Status412PreconditionFailed));
}
