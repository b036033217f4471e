namespace SoraPromptGenie.Core.Targets;

/// <summary>Lifecycle of a target model; these strings are the values used in targets.json and on the wire.</summary>
public static class TargetStatus
{
    public const string Active = "active";
    public const string Preview = "preview";
    public const string Deprecated = "deprecated";
    public const string Retired = "retired";

    internal static readonly string[] All = [Active, Preview, Deprecated, Retired];
}

/// <summary>How a target's request body is sent.</summary>
public static class TargetEncoding
{
    public const string MultipartForm = "multipart/form-data";
    public const string Json = "application/json";

    internal static readonly string[] All = [MultipartForm, Json];
}

/// <summary>A request parameter with a closed set of values, e.g. <c>size</c> or <c>seconds</c>.</summary>
public sealed record TargetParameter(string Name, IReadOnlyList<string> Allowed, string Default, string? Description = null);

/// <summary>
/// One video model the prompt can be exported to: where its request goes, which values each parameter accepts,
/// and guidance for writing prompts for it. The request body is <c>model</c> (always <see cref="Id"/>),
/// <c>prompt</c>, then <see cref="Parameters"/> in order.
/// </summary>
public sealed record TargetProfile(
    string Id,
    string DisplayName,
    string Provider,
    string Status,
    string Endpoint,
    Uri BaseUrl,
    string Encoding,
    string ApiKeyVariable,
    IReadOnlyList<TargetParameter> Parameters,
    IReadOnlyList<string> Guidance,
    DateOnly? RetiredOn = null,
    string? Note = null)
{
    public bool IsRetired => string.Equals(Status, TargetStatus.Retired, StringComparison.Ordinal);

    /// <summary>The HTTP method of <see cref="Endpoint"/> ("POST /v1/videos" gives "POST").</summary>
    public string Method => Endpoint.Split(' ', 2, StringSplitOptions.TrimEntries)[0];

    /// <summary>The path of <see cref="Endpoint"/> ("POST /v1/videos" gives "/v1/videos").</summary>
    public string Path => Endpoint.Split(' ', 2, StringSplitOptions.TrimEntries) is [_, var path] ? path : "/";

    /// <summary>The full request address; a base URL with a path prefix (a compatible reseller) keeps it.</summary>
    public Uri RequestUrl => new(BaseUrl.AbsoluteUri.TrimEnd('/') + Path);

    public TargetParameter? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
