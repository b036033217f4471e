using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Offline;
using SoraPromptGenie.Core.Lint;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Tests.Catalog;

/// <summary>
/// The product's cards and presets follow its own guide: merging any card or preset into a prompt that follows the guide
/// adds no lint finding that prompt did not already have. A finding a card causes is advice the product gives against
/// itself.
/// </summary>
public sealed class CatalogAgreesWithLintTests
{
    // Framing, one subject with counted beats and light with its source; no camera move and no colours, so that a camera
    // card adds the only move and colour cards the only colours.
    private const string GuidePrompt =
        "Medium shot, eye level. A fisherman in a raincoat coils a rope on the deck of a small boat, pauses, and looks "
        + "up at the harbour. Soft overcast light from the sky above, a warm lamp glowing in the wheelhouse behind him.";

    private static readonly PromptCatalog Catalog = PromptCatalog.LoadEmbedded();
    private static readonly OfflinePromptEngine Engine = new(Catalog);
    private static readonly PromptLinter Linter = new();
    private static readonly TargetCatalog Targets = TargetCatalog.LoadEmbedded();

    /// <summary>Rules about the wording itself: a phrase that trips one would be the product's advice against its own card.</summary>
    private static readonly string[] WordingRules =
    [
        LintRules.VagueWords, LintRules.ProseParameters, LintRules.Dialogue, LintRules.TargetParameter, LintRules.TargetSilent,
        LintRules.TargetDialogueQuotes, LintRules.TargetNegativeAvoid, LintRules.TargetNegativeField, LintRules.TargetNegativeFold,
    ];

    /// <summary>What a card of each category must name for the lint to see it: a move, a framing, a light, 3-5 colours.</summary>
    private static readonly Dictionary<string, string> NamedByCategory = new()
    {
        ["camera-motion"] = LintRules.CameraMove,
        ["camera-angles"] = LintRules.Framing,
        ["lighting"] = LintRules.Light,
        ["color-palette"] = LintRules.Palette,
    };

    public static TheoryData<string> Cards() => [.. Catalog.Categories.SelectMany(c => c.Enhancements).Select(e => e.Id)];

    public static TheoryData<string> Presets() => [.. Catalog.Presets.Select(p => p.Id)];

    [Fact]
    public void GuidePrompt_MissesOnlyACameraMoveAndAPalette()
    {
        var report = Linter.Lint(GuidePrompt);

        Assert.Equal([LintRules.CameraMove, LintRules.Palette], report.Findings.Select(f => f.Rule));
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Card_MergedIntoAGuidePrompt_AddsNoFinding(string cardId)
    {
        var card = Catalog.FindEnhancement(cardId)!;

        var added = FindingsAddedBy([card]);

        Assert.True(added.Count == 0, $"{card.Title} ({card.Id}) adds: {string.Join(" | ", added)}");
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void CardPhrase_WrittenAsItsSentence_NamesWhatItsCategoryNamesAndTripsNoWordingRule(string cardId)
    {
        var card = Catalog.FindEnhancement(cardId)!;
        var sentence = ShotProse.Write([card]);
        var problems = new List<string>();

        Assert.Contains(card.Phrase, sentence, StringComparison.OrdinalIgnoreCase);
        foreach (var target in Targets.All.Prepend(null))
        {
            var findings = Linter.Lint(sentence, target).Findings;
            problems.AddRange(findings
                .Where(f => WordingRules.Contains(f.Rule) || (f.Rule == LintRules.CameraMove && f.Severity == LintSeverity.Warning))
                .Select(f => $"[{target?.Id ?? "no target"}] {f.Rule}: {f.Message}"));
            if (NamedByCategory.TryGetValue(card.Category, out var rule) && findings.FirstOrDefault(f => f.Rule == rule) is { } missing)
            {
                problems.Add($"[{target?.Id ?? "no target"}] does not name its {card.Category}: {missing.Message}");
            }
        }

        Assert.True(problems.Count == 0, $"\"{sentence}\" ({card.Id}):\n  {string.Join("\n  ", problems.Distinct())}");
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Preset_MergedIntoAGuidePrompt_AddsNoFinding(string presetId)
    {
        var preset = Catalog.FindPreset(presetId)!;
        var cards = preset.Enhancements.Select(id => Catalog.FindEnhancement(id)!).ToList();

        var added = FindingsAddedBy(cards);

        Assert.True(added.Count == 0, $"{preset.Name} ({preset.Id}) adds: {string.Join(" | ", added)}");
    }

    // A finding counts as added when the prompt without the cards lacks its rule and message; "no camera move" going away
    // is the card doing its job, "two camera moves" is a new finding. "Only 2 colours" after a lighting card is the
    // palette still missing, not something the card said.
    private static List<string> FindingsAddedBy(IReadOnlyList<Enhancement> cards)
    {
        var before = Linter.Lint(GuidePrompt).Findings.Select(f => (f.Rule, f.Message)).ToHashSet();
        var merged = Engine.Enhance(GuidePrompt, [.. cards.Select(c => new EnhancementSpec(c.Title, c.Description, c.Category))]);
        return [.. Linter.Lint(merged).Findings
            .Where(f => !before.Contains((f.Rule, f.Message)))
            .Where(f => !(f.Rule == LintRules.Palette && f.Message.StartsWith("Only ", StringComparison.Ordinal)))
            .Select(f => $"{f.Rule}: {f.Message}")];
    }
}
