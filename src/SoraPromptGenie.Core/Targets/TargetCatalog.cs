using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace SoraPromptGenie.Core.Targets;

/// <summary>
/// The video models a prompt can be exported to, loaded from data (the embedded <c>targets.json</c>) and checked
/// on load, so a new model is a JSON entry, not code. Lookups by id ignore case.
/// </summary>
public sealed partial class TargetCatalog
{
    private const string ResourceName = "SoraPromptGenie.Core.Targets.targets.json";

    private readonly FrozenDictionary<string, TargetProfile> _byId;

    /// <exception cref="InvalidOperationException">The profiles break a rule of <see cref="Validate"/>.</exception>
    public TargetCatalog(IReadOnlyList<TargetProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var problems = Validate(profiles);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Invalid target profiles: {string.Join(" ", problems)}");
        }

        All = profiles;
        _byId = profiles.ToFrozenDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<TargetProfile> All { get; }

    public IEnumerable<string> Ids => All.Select(p => p.Id);

    public TargetProfile? Find(string? id) =>
        id is not null && _byId.TryGetValue(id.Trim(), out var profile) ? profile : null;

    public static TargetCatalog LoadEmbedded()
    {
        using var stream = typeof(TargetCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The embedded targets.json is missing.");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }

    /// <summary>Reads profiles in the shape of targets.json: <c>{ "targets": [ ... ] }</c>.</summary>
    /// <exception cref="InvalidOperationException">The JSON is malformed or a profile is invalid.</exception>
    public static TargetCatalog FromJson(string json)
    {
        TargetsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, TargetsJsonContext.Default.TargetsDocument);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Target profiles are not valid JSON: {ex.Message}", ex);
        }

        return new TargetCatalog(document?.Targets ?? throw new InvalidOperationException("Target profiles JSON is empty."));
    }

    /// <summary>Returns every rule the profiles break; an empty list means they can be exported to.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<TargetProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var problems = new List<string>();
        if (profiles.Count == 0)
        {
            problems.Add("At least one target profile is required.");
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var profile in profiles)
        {
            var id = profile.Id;
            if (string.IsNullOrWhiteSpace(id) || !IdPattern.IsMatch(id))
            {
                problems.Add($"Target id '{id}' must be a lowercase slug (letters, digits, '.', '-').");
            }
            else if (!ids.Add(id))
            {
                problems.Add($"Duplicate target id '{id}'.");
            }

            if (string.IsNullOrWhiteSpace(profile.DisplayName))
            {
                problems.Add($"Target '{id}' needs a display name.");
            }

            if (!TargetStatus.All.Contains(profile.Status, StringComparer.Ordinal))
            {
                problems.Add($"Target '{id}' has unknown status '{profile.Status}'; use {string.Join(", ", TargetStatus.All)}.");
            }

            if (profile.IsRetired && profile.RetiredOn is null)
            {
                problems.Add($"Target '{id}' is retired but has no retiredOn date.");
            }

            if (!EndpointPattern.IsMatch(profile.Endpoint ?? ""))
            {
                problems.Add($"Target '{id}' endpoint '{profile.Endpoint}' must look like 'POST /v1/videos'.");
            }

            if (profile.BaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add($"Target '{id}' baseUrl must be an absolute http(s) URL.");
            }

            if (!TargetEncoding.All.Contains(profile.Encoding, StringComparer.Ordinal))
            {
                problems.Add($"Target '{id}' has unsupported encoding '{profile.Encoding}'; use {string.Join(" or ", TargetEncoding.All)}.");
            }

            if (!EnvironmentVariablePattern.IsMatch(profile.ApiKeyVariable ?? ""))
            {
                problems.Add($"Target '{id}' apiKeyVariable '{profile.ApiKeyVariable}' is not a valid environment variable name.");
            }

            ValidateParameters(profile, problems);
        }

        return problems;
    }

    private static void ValidateParameters(TargetProfile profile, List<string> problems)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "model", "prompt" };
        foreach (var parameter in profile.Parameters)
        {
            if (string.IsNullOrWhiteSpace(parameter.Name) || !ParameterNamePattern.IsMatch(parameter.Name) || !names.Add(parameter.Name))
            {
                problems.Add($"Target '{profile.Id}' parameter '{parameter.Name}' needs a unique lowercase name other than model and prompt.");
                continue;
            }

            if (parameter.Allowed.Count == 0 || parameter.Allowed.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add($"Target '{profile.Id}' parameter '{parameter.Name}' needs a list of non-empty allowed values.");
            }
            else if (parameter.Allowed.Distinct(StringComparer.OrdinalIgnoreCase).Count() != parameter.Allowed.Count)
            {
                problems.Add($"Target '{profile.Id}' parameter '{parameter.Name}' lists an allowed value twice.");
            }

            if (!parameter.Allowed.Contains(parameter.Default, StringComparer.Ordinal))
            {
                problems.Add($"Target '{profile.Id}' parameter '{parameter.Name}' default '{parameter.Default}' is not an allowed value.");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern { get; }

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterNamePattern { get; }

    [GeneratedRegex("^(?:POST|PUT|PATCH) /[A-Za-z0-9/._~-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EndpointPattern { get; }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentVariablePattern { get; }
}

internal sealed record TargetsDocument(IReadOnlyList<TargetProfile> Targets);

// Strict on purpose: a misspelt field or a missing required one in targets.json fails at start-up, not at export.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(TargetsDocument))]
internal sealed partial class TargetsJsonContext : JsonSerializerContext;
