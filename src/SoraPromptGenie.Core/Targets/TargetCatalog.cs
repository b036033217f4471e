using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

using SoraPromptGenie.Core.Text;

namespace SoraPromptGenie.Core.Targets;

/// <summary>
/// The video models a prompt can be written and exported for, loaded from data (the embedded <c>targets.json</c>) and
/// checked on load (<see cref="TargetProfileRules"/>), so a new model is a JSON entry, not code. Lookups by id ignore case.
/// Status is computed from each profile's dates on the clock's current day.
/// </summary>
public sealed class TargetCatalog
{
    private const string ResourceName = "SoraPromptGenie.Core.Targets.targets.json";

    private readonly FrozenDictionary<string, TargetProfile> _byId;
    private readonly TimeProvider _clock;

    /// <exception cref="InvalidOperationException">The profiles break a rule of <see cref="Validate"/>.</exception>
    public TargetCatalog(IReadOnlyList<TargetSource> sources, IReadOnlyList<TargetProfile> profiles, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(profiles);
        var problems = Validate(sources, profiles);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Invalid target profiles: {string.Join(" ", problems)}");
        }

        Sources = sources;
        All = profiles;
        _byId = profiles.ToFrozenDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        _clock = clock ?? TimeProvider.System;
    }

    public IReadOnlyList<TargetProfile> All { get; }

    public IReadOnlyList<TargetSource> Sources { get; }

    public IEnumerable<string> Ids => All.Select(p => p.Id);

    /// <summary>Today in UTC, by the catalog's clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    public TargetProfile? Find(string? id) =>
        id is not null && _byId.TryGetValue(id.Trim(), out var profile) ? profile : null;

    /// <summary>
    /// The target a writing or lint request names in its optional <c>target</c> field: no target when none is named, else
    /// the profile, or a message naming the known ids when the id is unknown. A retired target can still be written for.
    /// </summary>
    public (TargetProfile? Target, string? Error) Named(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return (null, null);
        }

        return Find(id) is { } target
            ? (target, null)
            : (null, $"target {id.Trim()} is not a known target; choose {Phrases.JoinOr(Ids)}.");
    }

    /// <summary>The profile's status today (<see cref="TargetProfile.StatusOn"/>).</summary>
    public string StatusOf(TargetProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.StatusOn(Today);
    }

    /// <summary>The same profiles with status computed on <paramref name="clock"/>.</summary>
    public TargetCatalog WithClock(TimeProvider clock) => new(Sources, All, clock);

    public TargetSource? FindSource(string key) => Sources.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.Ordinal));

    public static TargetCatalog LoadEmbedded(TimeProvider? clock = null)
    {
        using var stream = typeof(TargetCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The embedded targets.json is missing.");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd(), clock);
    }

    /// <summary>The embedded targets.json as text, for checks that read the data as written.</summary>
    public static string EmbeddedJson()
    {
        using var stream = typeof(TargetCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The embedded targets.json is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads profiles in the shape of targets.json: <c>{ "sources": [ ... ], "targets": [ ... ] }</c>.</summary>
    /// <exception cref="InvalidOperationException">The JSON is malformed or a profile is invalid.</exception>
    public static TargetCatalog FromJson(string json, TimeProvider? clock = null)
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

        return document is null
            ? throw new InvalidOperationException("Target profiles JSON is empty.")
            : new TargetCatalog(document.Sources, document.Targets, clock);
    }

    /// <summary>Returns every rule the profiles break; an empty list means they can be listed and exported to.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<TargetSource> sources, IReadOnlyList<TargetProfile> profiles) =>
        TargetProfileRules.Check(sources, profiles);
}

internal sealed record TargetsDocument(IReadOnlyList<TargetSource> Sources, IReadOnlyList<TargetProfile> Targets);

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
