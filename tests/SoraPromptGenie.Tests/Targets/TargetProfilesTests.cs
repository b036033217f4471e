using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Tests.Targets;

/// <summary>
/// Every embedded profile, read as data: each fact names a source that exists and is dated, defaults are allowed values,
/// limits are positive, dates are ISO, and status follows the dates on an injected clock.
/// </summary>
public sealed partial class TargetProfilesTests
{
    private static readonly TargetCatalog Catalog = TargetCatalog.LoadEmbedded();

    public static TheoryData<string> Ids() => [.. Catalog.Ids];

    public static TheoryData<string> ExportableIds() => [.. Catalog.All.Where(t => t.Request is not null).Select(t => t.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Profile_EveryFact_NamesAKnownSource(string id)
    {
        var profile = Catalog.Find(id)!;
        var facts = new List<(string What, string? Source)>();
        facts.AddRange(profile.Guidance.Select(g => ($"guidance '{g.Text}'", (string?)g.Source)));
        facts.AddRange(profile.Unverified.Select(u => ($"unverified '{u.Text}'", (string?)u.Source)));
        facts.AddRange(profile.Parameters.Select(p => ($"parameter {p.Name}", (string?)p.Source)));
        facts.AddRange(profile.Rules.Select(r => ($"rule {r.When} -> {r.Then}", (string?)r.Source)));
        if (profile.Request is { } request)
        {
            facts.Add(("request", request.Source));
            facts.Add(("audio", profile.Audio?.Source));
            facts.Add(("flow", profile.Flow?.Source));
            facts.Add(("negatives", profile.Negatives?.Source));
        }

        if (profile.PromptLimit is { } limit)
        {
            facts.Add(("prompt limit", limit.Source));
        }

        if (profile.RetiredOn is not null || profile.RetiresOn is not null)
        {
            facts.Add(("status dates", profile.StatusSource));
        }

        Assert.NotEmpty(profile.Guidance);
        Assert.All(facts, fact =>
        {
            var keys = SourceKeys(fact.Source);
            Assert.True(keys.Count > 0, $"{id}: {fact.What} names no source");
            Assert.All(keys, key => Assert.True(Catalog.FindSource(key) is not null, $"{id}: {fact.What} cites unknown source '{key}'"));
        });
    }

    [Fact]
    public void Sources_EachHasTitleDateAndHttpsUrlWhenKnown()
    {
        Assert.NotEmpty(Catalog.Sources);
        Assert.All(Catalog.Sources, source =>
        {
            Assert.False(string.IsNullOrWhiteSpace(source.Title), source.Key);
            Assert.InRange(source.Date, new DateOnly(2025, 1, 1), new DateOnly(2026, 11, 28));
            Assert.True(source.Url is null || source.Url.Scheme == Uri.UriSchemeHttps, source.Key);
        });
        var cited = Catalog.All.SelectMany(CitedKeys).ToHashSet(StringComparer.Ordinal);
        Assert.All(Catalog.Sources, source => Assert.Contains(source.Key, cited));
    }

    [Fact]
    public void Json_EveryDate_IsIsoYearMonthDay()
    {
        using var document = JsonDocument.Parse(TargetCatalog.EmbeddedJson(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });

        var dates = DateValues(document.RootElement).ToList();

        Assert.True(dates.Count >= Catalog.Sources.Count + 4, $"only {dates.Count} dates found");
        Assert.All(dates, date =>
        {
            Assert.Matches(IsoDate(), date);
            Assert.True(DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), date);
        });
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Profile_Defaults_AreAllowedValuesAndRulesNameRealValues(string id)
    {
        var profile = Catalog.Find(id)!;

        Assert.All(profile.Parameters, p =>
        {
            Assert.NotEmpty(p.Values);
            Assert.True(p.Default is null || p.Values.Contains(p.Default), $"{id}: {p.Name} default {p.Default} not in {string.Join(",", p.Values)}");
            Assert.False(p.Required && p.Default is not null, $"{id}: {p.Name} is required and has a default");
            Assert.Equal(p.Name, p.Path.Split('.')[^1]);
        });
        Assert.All(profile.Rules, r =>
        {
            Assert.Subset(profile.FindParameter(r.When)!.Values.ToHashSet(), r.Is.ToHashSet());
            Assert.Subset(profile.FindParameter(r.Then)!.Values.ToHashSet(), r.MustBe.ToHashSet());
        });
    }

    [Theory]
    [MemberData(nameof(ExportableIds))]
    public void Profile_WithRequest_HasPositiveLimitOrNoneAndEveryBehaviour(string id)
    {
        var profile = Catalog.Find(id)!;

        if (profile.PromptLimit is { } limit)
        {
            Assert.True(limit.Max > 0);
            Assert.Contains(limit.Unit, new[] { PromptLimitUnit.Characters, PromptLimitUnit.Utf16Units, PromptLimitUnit.Tokens, PromptLimitUnit.Words });
        }

        Assert.NotNull(profile.Model);
        Assert.NotNull(profile.Negatives);
        Assert.NotNull(profile.Audio);
        Assert.NotNull(profile.Flow);
        Assert.Matches(EnvironmentVariable(), profile.Request!.Auth.Variable);
        Assert.Equal(profile.Audio.Mode == AudioMode.Switch, profile.Audio.Parameter is not null);
    }

    [Theory]
    [InlineData("gemini-omni-1.1-flash", true)]
    [InlineData("veo-3.1", true)]
    [InlineData("veo-3.1-fast", true)]
    [InlineData("runway-gen4.5", true)]
    [InlineData("runway-veo3.1", true)]
    [InlineData("runway-seedance2", true)]
    [InlineData("luma-ray-3.2", true)]
    [InlineData("seedance-2.0", false)]
    [InlineData("seedance-2.0-fast", false)]
    [InlineData("kling-v2.6", false)]
    [InlineData("kling-v3", false)]
    [InlineData("sora-2", true)]
    [InlineData("sora-2-pro", true)]
    [InlineData("generic", true)]
    public void Profile_Verified_IsFalseWhereTheRequestFollowsNoOfficialSource(string id, bool verified)
    {
        var profile = Catalog.Find(id)!;

        Assert.Equal(verified, profile.Verified);
        if (profile.Request is { } request)
        {
            var official = SourceKeys(request.Source).All(key => Catalog.FindSource(key)!.Official);
            Assert.True(!verified || official, $"{id} is verified but cites an unofficial source for its request");
            Assert.True(verified || profile.Unverified.Count > 0, $"{id} is unverified but says nothing about what");
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Profile_ParameterMarkedVerified_CitesAnOfficialSource(string id)
    {
        Assert.All(Catalog.Find(id)!.Parameters.Where(p => p.Verified), p =>
            Assert.Contains(SourceKeys(p.Source), key => Catalog.FindSource(key)!.Official));
    }

    [Theory]
    [InlineData("sora-2", "2026-09-23", TargetStatus.Active)]
    [InlineData("sora-2", "2026-09-24", TargetStatus.Retired)]
    [InlineData("sora-2-pro", "2027-01-01", TargetStatus.Retired)]
    [InlineData("veo-3.1", "2026-11-16", TargetStatus.Deprecated)]
    [InlineData("veo-3.1", "2026-11-17", TargetStatus.Retired)]
    [InlineData("veo-3.1-fast", "2026-12-04", TargetStatus.Retired)]
    [InlineData("gemini-omni-1.1-flash", "2030-01-01", TargetStatus.Active)]
    [InlineData("kling-v3", "2026-12-04", TargetStatus.Active)]
    public void StatusOf_Clock_FollowsTheProfileDates(string id, string today, string expected)
    {
        var catalog = TargetCatalog.LoadEmbedded(new FixedClock(DateOnly.Parse(today, CultureInfo.InvariantCulture)));

        var status = catalog.StatusOf(catalog.Find(id)!);

        Assert.Equal(expected, status);
    }

    [Fact]
    public void StatusOf_RetirementDateAddedToData_RetiresWithoutCodeChange()
    {
        var json = TargetCatalog.EmbeddedJson().Replace(
            "\"id\": \"kling-v3\",",
            "\"id\": \"kling-v3\", \"retiresOn\": \"2027-03-01\", \"statusSource\": \"kling-ids\",",
            StringComparison.Ordinal);
        var before = TargetCatalog.FromJson(json, new FixedClock(new DateOnly(2027, 2, 28)));
        var after = TargetCatalog.FromJson(json, new FixedClock(new DateOnly(2027, 3, 1)));

        Assert.Equal(TargetStatus.Deprecated, before.StatusOf(before.Find("kling-v3")!));
        Assert.Equal(TargetStatus.Retired, after.StatusOf(after.Find("kling-v3")!));
    }

    [Fact]
    public void Catalog_KnownTargetsAndTheirModels_MatchTheFacts()
    {
        var models = Catalog.All.ToDictionary(t => t.Id, t => t.Model);

        Assert.Equal("gemini-omni-1.1-flash", models["gemini-omni-1.1-flash"]);
        Assert.Equal("veo-3.1-generate-001", models["veo-3.1"]);
        Assert.Equal("veo-3.1-fast-generate-001", models["veo-3.1-fast"]);
        Assert.Equal("gen4.5", models["runway-gen4.5"]);
        Assert.Equal("veo3.1", models["runway-veo3.1"]);
        Assert.Equal("seedance2", models["runway-seedance2"]);
        Assert.Equal("ray-3.2", models["luma-ray-3.2"]);
        Assert.Equal("dreamina-seedance-2-0-260128", models["seedance-2.0"]);
        Assert.Equal("dreamina-seedance-2-0-fast-260128", models["seedance-2.0-fast"]);
        Assert.Equal("kling-v2-6", models["kling-v2.6"]);
        Assert.Equal("kling-v3", models["kling-v3"]);
        Assert.Equal("sora-2", models["sora-2"]);
        Assert.Equal("sora-2-pro", models["sora-2-pro"]);
        Assert.Null(models["generic"]);
        Assert.Null(Catalog.Find("generic")!.Request);
    }

    private static List<string> SourceKeys(string? source) =>
        [.. (source ?? string.Empty).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(' ')[0])];

    private static IEnumerable<string> CitedKeys(TargetProfile profile) =>
        new[] { profile.Request?.Source, profile.Audio?.Source, profile.Flow?.Source, profile.Negatives?.Source, profile.PromptLimit?.Source, profile.StatusSource }
            .Concat(profile.Guidance.Concat(profile.Unverified).Select(f => f.Source))
            .Concat(profile.Parameters.Select(p => p.Source))
            .Concat(profile.Rules.Select(r => r.Source))
            .SelectMany(SourceKeys);

    private static IEnumerable<string> DateValues(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name is "date" or "retiresOn" or "retiredOn" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : DateValues(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(DateValues),
        _ => [],
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")]
    private static partial Regex EnvironmentVariable();
}

/// <summary>A clock stopped at midday UTC of one day.</summary>
internal sealed class FixedClock(DateOnly today) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
